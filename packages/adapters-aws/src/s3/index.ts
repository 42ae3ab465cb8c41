export { createS3Client } from './s3-client.js';
export { S3ObjectStorage, type S3ObjectStorageOptions } from './s3-object-storage.js';
export { S3UploadUrlSigner, type S3UploadUrlSignerOptions } from './s3-upload-url-signer.js';
export { S3ViewUrlSigner, type S3ViewUrlSignerOptions } from './s3-view-url-signer.js';
export { provisionPhotoBucket, type PhotoBucketSpec } from './provision-bucket.js';

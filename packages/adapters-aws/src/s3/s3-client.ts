import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

/**
 * An S3 client fit for this package's adapters and signers. Path-style addressing
 * (`<endpoint>/<bucket>/<key>`) works against moto_server and any endpoint override without wildcard DNS.
 * Checksums only when an operation requires them: the SDK's default bakes the empty-body CRC32 into
 * presigned URLs (which real S3 is reported to reject) and asks for response checksums that a presigned
 * GET would have to send back as a header.
 */
export function createS3Client(config: S3ClientConfig = {}): S3Client {
  return new S3Client({
    ...config,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

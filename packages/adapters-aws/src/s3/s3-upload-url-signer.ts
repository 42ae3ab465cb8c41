import type { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { UploadTarget, UploadTargetRequest, UploadUrlSigner } from '@hdoc/domain';

/** Where {@link S3UploadUrlSigner} lets uploads land. */
export interface S3UploadUrlSignerOptions {
  /** Built by {@link createS3Client}; its credentials sign the policies. */
  readonly client: S3Client;
  readonly bucket: string;
}

/**
 * UploadUrlSigner as an S3 presigned POST. The signed policy pins the bucket, the exact key, the exact
 * Content-Type (an equality condition on the form field), `content-length-range` 1..maxSize and the
 * request's expiry; S3 refuses any form that breaks one of them, so nothing the client chooses reaches
 * the key, type or size. The SDK computes the policy's expiration as its own now (system time plus the
 * client's clock-skew correction) plus `Expires` seconds and truncates it to the second; `Expires` is
 * measured from that same now and aims half a second into the requested second, so neither the time
 * spent between the two readings nor floating-point rounding moves the stated expiry off it.
 */
export class S3UploadUrlSigner implements UploadUrlSigner {
  constructor(private readonly options: S3UploadUrlSignerOptions) {}

  async createUploadTarget(request: UploadTargetRequest): Promise<UploadTarget> {
    const expiresAtSecond = Math.floor(request.expiresAt.getTime() / 1000) * 1000;
    const sdkNow = Date.now() + this.options.client.config.systemClockOffset;
    const { url, fields } = await createPresignedPost(this.options.client, {
      Bucket: this.options.bucket,
      Key: request.key,
      Fields: { 'Content-Type': request.contentType },
      Conditions: [['content-length-range', 1, request.maxSize]],
      Expires: (expiresAtSecond + 500 - sdkNow) / 1000,
    });
    return { url, fields };
  }
}

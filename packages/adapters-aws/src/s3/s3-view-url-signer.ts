import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ViewUrlRequest, ViewUrlSigner } from '@hdoc/domain';

/** Where {@link S3ViewUrlSigner} reads objects from. */
export interface S3ViewUrlSignerOptions {
  /** Built by {@link createS3Client}; its credentials sign the URLs. */
  readonly client: S3Client;
  readonly bucket: string;
}

/** SigV4 presigned URLs live at most seven days. */
const MAX_EXPIRES_SECONDS = 7 * 24 * 3600;

/**
 * ViewUrlSigner as an S3 presigned GET. The URL is signed as of `issuedAt` (its `X-Amz-Date`) and lives
 * until `expiresAt` (`X-Amz-Expires`), never as of the system time: the domain passes the start of its
 * cache window, so every request inside a window signs the identical URL (same credentials given).
 */
export class S3ViewUrlSigner implements ViewUrlSigner {
  constructor(private readonly options: S3ViewUrlSignerOptions) {}

  async signViewUrl(request: ViewUrlRequest): Promise<string> {
    const expiresIn = Math.floor((request.expiresAt.getTime() - request.issuedAt.getTime()) / 1000);
    if (expiresIn < 1 || expiresIn > MAX_EXPIRES_SECONDS) {
      throw new RangeError(`a view URL must live 1 s to 7 days, not ${expiresIn} s`);
    }
    return getSignedUrl(this.options.client, new GetObjectCommand({ Bucket: this.options.bucket, Key: request.key }), {
      signingDate: request.issuedAt,
      expiresIn,
    });
  }
}

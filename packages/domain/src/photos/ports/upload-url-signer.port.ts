import { token } from '../../shared/token.js';

/** The constraints an upload target enforces: everything the client may choose is pinned here. */
export interface UploadTargetRequest {
  /** The exact object key the upload must write. */
  readonly key: string;
  /** The exact Content-Type the upload must declare. */
  readonly contentType: string;
  /** Largest accepted body, in bytes (the smallest is 1). */
  readonly maxSize: number;
  /** After this instant the target refuses uploads. */
  readonly expiresAt: Date;
}

/** A presigned HTML-form POST: send every field, then the file, to `url`. */
export interface UploadTarget {
  readonly url: string;
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * Issues upload targets that storage itself enforces (an S3 POST policy in production), so the
 * bytes never pass through the API and the client cannot choose another key, type or size.
 */
export interface UploadUrlSigner {
  createUploadTarget(request: UploadTargetRequest): Promise<UploadTarget>;
}

export const UploadUrlSignerToken = token<UploadUrlSigner>('UploadUrlSigner');

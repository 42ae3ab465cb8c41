/** Why the local upload endpoint refused a form, mirroring the checks S3 makes on a POST policy. */
export type UploadRejection = 'malformed' | 'signature' | 'expired' | 'content_type' | 'size';

/**
 * A refused local upload. Not a domain error: it belongs to the storage emulation, and the HTTP
 * layer answers it the way S3 does (403 for policy failures, 400 for a malformed form).
 */
export class UploadRejectedError extends Error {
  constructor(
    readonly reason: UploadRejection,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRejectedError';
  }
}

import { type MemoryUploadUrlSigner, UploadRejectedError } from '@hdoc/adapters-memory';
import type { RequestHandler } from 'express';
import { HttpError } from '../../http/errors/http-error.js';
import { invalidInput } from '../../http/routing/validation-error.js';
import { readUploadForm } from './read-upload-form.js';

/** S3 answers a broken form with 400 and a policy it refuses (signature, expiry, type, size) with 403. */
function toHttpError(error: UploadRejectedError): HttpError {
  return error.reason === 'malformed'
    ? invalidInput([{ field: 'body', message: error.message }])
    : new HttpError(403, 'forbidden', error.message);
}

/**
 * `POST /local-uploads`: the local stand-in for S3's presigned POST. Stores the file when the signed
 * fields hold, which raises the storage event the in-process worker ingests; answers 204 like S3
 * without `success_action_status`.
 */
export function acceptLocalUpload(uploads: MemoryUploadUrlSigner, maxUploadBytes: number): RequestHandler {
  return async (req, res) => {
    try {
      await uploads.acceptUpload(await readUploadForm(req, maxUploadBytes));
    } catch (error) {
      throw error instanceof UploadRejectedError ? toHttpError(error) : error;
    }
    res.status(204).end();
  };
}

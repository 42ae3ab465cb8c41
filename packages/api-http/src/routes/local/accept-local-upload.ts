import { type MemoryUploadUrlSigner, UploadRejectedError } from '@hdoc/adapters-memory';
import type { RequestHandler } from 'express';
import { HttpError } from '../../http/errors/http-error.js';
import { invalidInput } from '../../http/routing/validation-error.js';
import { readUploadForm, type VerifyUploadFields } from './read-upload-form.js';

/** S3 answers a broken form with 400 and a policy it refuses (signature, expiry, type, size) with 403. */
function toHttpError(error: UploadRejectedError): HttpError {
  return error.reason === 'malformed'
    ? invalidInput([{ field: 'body', message: error.message }])
    : new HttpError(403, 'forbidden', error.message);
}

/**
 * `POST /local-uploads`: the local stand-in for S3's presigned POST. Checks the signed fields as the
 * file part starts and stores the file when they hold, which raises the storage event the in-process
 * worker ingests; answers 204 like S3 without `success_action_status`. A refused upload is answered
 * at once with `Connection: close`, so the server stops reading the rest of its body.
 */
export function acceptLocalUpload(uploads: MemoryUploadUrlSigner, maxUploadBytes: number): RequestHandler {
  const verify: VerifyUploadFields = (fields, fileContentType) => uploads.verifyFields(fields, fileContentType);
  return async (req, res) => {
    try {
      await uploads.acceptUpload(await readUploadForm(req, maxUploadBytes, verify));
    } catch (error) {
      if (!(error instanceof UploadRejectedError)) throw error;
      res.set('Connection', 'close');
      throw toHttpError(error);
    }
    res.status(204).end();
  };
}

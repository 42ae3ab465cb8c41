import type { Readable } from 'node:stream';
import { UploadRejectedError, type LocalUploadForm } from '@hdoc/adapters-memory';
import busboy from 'busboy';
import type { Request } from 'express';

/** Browsers send this for a file whose type they do not know: it declares nothing. */
const UNDECLARED_TYPE = 'application/octet-stream';

/** Policy forms are small: a handful of short fields and one file. */
const FORM_LIMITS = { fieldNameSize: 100, fieldSize: 8 * 1024, fields: 20, files: 1, parts: 21 } as const;

function malformed(message: string): UploadRejectedError {
  return new UploadRejectedError('malformed', message);
}

/**
 * Checks the fields read so far (and the file part's own type) before the file is read; answers the
 * signed maximum size, or throws UploadRejectedError for a form storage would refuse.
 */
export type VerifyUploadFields = (fields: Readonly<Record<string, string>>, fileContentType?: string) => { readonly maxSize: number };

/** Collects at most `limit` bytes of a file part and drains (discards) the rest. */
function collect(stream: Readable, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    stream.on('data', (chunk: Buffer) => {
      if (kept >= limit) return;
      const part = chunk.subarray(0, limit - kept);
      chunks.push(part);
      kept += part.byteLength;
    });
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', () => reject(malformed('the file part is incomplete')));
  });
}

/**
 * Reads a multipart/form-data upload the way S3 reads a presigned POST: the fields before the part
 * named `file` (fields after it are ignored); when the file part starts, `verify` checks those fields
 * (signature, expiry, key, type), and a form it refuses is rejected at once: reading stops, so a forged
 * upload costs no buffering. A verified file is streamed and cut one byte past the signed maximum (never
 * past `maxUploadBytes` + 1), so nothing larger is ever buffered. Malformed forms are
 * `UploadRejectedError('malformed')`.
 */
export function readUploadForm(req: Request, maxUploadBytes: number, verify: VerifyUploadFields): Promise<LocalUploadForm> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: FORM_LIMITS });
    } catch {
      reject(malformed('the body must be multipart/form-data'));
      return;
    }
    const fields = new Map<string, string>();
    let file: Promise<LocalUploadForm['file']> | undefined;
    let problem: UploadRejectedError | undefined;
    const fail = (message: string) => {
      problem ??= malformed(message);
    };
    /** Refuses the form without reading the rest of the body: nothing more is parsed or buffered. */
    const refuse = (error: UploadRejectedError, fileStream: Readable) => {
      // Destroying the parser ends the unread file part with an error nobody needs to hear about.
      fileStream.on('error', () => undefined);
      req.unpipe(parser);
      parser.destroy();
      reject(error);
    };
    parser.on('field', (name, value, info) => {
      if (file !== undefined) return;
      if (info.nameTruncated || info.valueTruncated) fail(`form field ${name.slice(0, 100)} is too long`);
      fields.set(name, value);
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || file !== undefined) {
        stream.resume();
        return;
      }
      const declared = info.mimeType === UNDECLARED_TYPE ? {} : { contentType: info.mimeType };
      let maxSize: number;
      try {
        if (problem !== undefined) throw problem;
        maxSize = verify(Object.fromEntries(fields), declared.contentType).maxSize;
      } catch (error) {
        refuse(error instanceof UploadRejectedError ? error : malformed('the form fields are not valid'), stream);
        return;
      }
      file = collect(stream, Math.min(maxSize, maxUploadBytes) + 1).then((bytes) => ({ bytes, ...declared }));
      // Settled through `close` below; this keeps an early failure from going unhandled meanwhile.
      file.catch(() => undefined);
    });
    parser.on('fieldsLimit', () => fail('the form has too many fields'));
    parser.on('partsLimit', () => fail('the form has too many parts'));
    parser.on('filesLimit', () => fail('the form has more than one file'));
    parser.once('error', () => reject(malformed('the body is not a well-formed multipart form')));
    parser.once('close', () => {
      if (problem !== undefined) return reject(problem);
      if (file === undefined) return reject(malformed('the form has no file part named "file"'));
      file.then((received) => resolve({ fields: Object.fromEntries(fields), file: received }), reject);
    });
    req.once('error', () => reject(malformed('the upload was interrupted')));
    req.pipe(parser);
  });
}

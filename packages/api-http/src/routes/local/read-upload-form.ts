import type { Readable } from 'node:stream';
import { LOCAL_UPLOAD_FIELD, UploadRejectedError, type LocalUploadForm } from '@hdoc/adapters-memory';
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
 * How many bytes of the file to keep: one more than the signed maximum, so an oversized file stays
 * detectable. It bounds what is buffered before the signature is even checked; a forged value cannot
 * raise it past the configured maximum.
 */
function keptBytes(fields: ReadonlyMap<string, string>, maxUploadBytes: number): number {
  const signed = Number(fields.get(LOCAL_UPLOAD_FIELD.maxSize));
  const max = Number.isSafeInteger(signed) && signed > 0 ? Math.min(signed, maxUploadBytes) : maxUploadBytes;
  return max + 1;
}

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
 * named `file` (fields after it are ignored), then the file, streamed and cut one byte past the
 * signed maximum so nothing larger is ever buffered. Malformed forms are `UploadRejectedError('malformed')`.
 */
export function readUploadForm(req: Request, maxUploadBytes: number): Promise<LocalUploadForm> {
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
      file = collect(stream, keptBytes(fields, maxUploadBytes)).then((bytes) => ({ bytes, ...declared }));
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

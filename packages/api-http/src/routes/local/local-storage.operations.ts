import { LOCAL_UPLOAD_FIELD } from '@hdoc/adapters-memory';
import { errorResponse } from '../../http/openapi/openapi-document.js';
import type { RouterOperation } from '../../http/routing/mounted-router.js';

const signedField = (description: string) => ({ type: 'string' as const, description });

/**
 * The OpenAPI entries of the local storage endpoints (plain express handlers, see README.md here):
 * documented so that a frontend developer running `npm start` sees where the upload form goes.
 */
export const LOCAL_STORAGE_OPERATIONS: readonly RouterOperation[] = [
  {
    spec: {
      method: 'post',
      path: '/local-uploads',
      operationId: 'postLocalUpload',
      summary: 'Upload a photo to the local stand-in for S3 (memory adapters only)',
      description:
        'Where `upload.url` of `POST /photos/uploads` points in a local run; in AWS the same form goes to S3. ' +
        'Post `multipart/form-data` with every field of `upload.fields` first, in any order, then the file as the ' +
        'LAST part, named `file` (parts after it are ignored, as S3 does). The file must be 1 byte to the signed ' +
        'size; it is cut one byte past it, so an oversized file is refused (403) without being buffered. A file ' +
        'part typed `application/octet-stream` counts as untyped: the signed `Content-Type` decides.',
      tags: ['photos'],
      security: [],
      request: {
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: [...Object.values(LOCAL_UPLOAD_FIELD), 'file'],
                properties: {
                  [LOCAL_UPLOAD_FIELD.key]: signedField('from upload.fields'),
                  [LOCAL_UPLOAD_FIELD.contentType]: signedField('from upload.fields: the declared image type'),
                  [LOCAL_UPLOAD_FIELD.expires]: signedField('from upload.fields'),
                  [LOCAL_UPLOAD_FIELD.maxSize]: signedField('from upload.fields: the declared size in bytes'),
                  [LOCAL_UPLOAD_FIELD.signature]: signedField('from upload.fields'),
                  file: { type: 'string', format: 'binary', description: 'the photo; the last part' },
                },
              },
              encoding: { file: { contentType: 'image/jpeg, image/png, image/webp, image/gif, image/heic, application/octet-stream' } },
            },
          },
        },
      },
      responses: {
        204: { description: 'Stored; the photo is catalogued shortly after (poll GET /photos/{id})' },
        400: { ...errorResponse(400), description: 'Not multipart, malformed, a signed field or the file part missing' },
        403: { ...errorResponse(403), description: 'A field does not match the signature, the form expired, or the file is empty, larger than signed or of another type' },
        500: errorResponse(500),
        503: errorResponse(503),
      },
    },
  },
  {
    match: '/local-objects/*',
    spec: {
      method: 'get',
      path: '/local-objects/{key}',
      operationId: 'getLocalObject',
      summary: 'Read a stored object through a signed view URL (memory adapters only)',
      description:
        'Where `view_url` points in a local run (in AWS, a presigned S3 GET). `key` is the object key, slashes ' +
        'included (each segment percent-encoded). Cacheable privately until the URL expires; answers 304 to a ' +
        'matching If-None-Match.',
      tags: ['photos'],
      security: [],
      // OpenAPI path parameters are one segment; this one spans several. Tools that care can read it here.
      'x-multi-segment-parameter': 'key',
      parameters: [
        { name: 'key', in: 'path', required: true, schema: { type: 'string' }, description: 'object key, slashes included' },
        { name: 'expires', in: 'query', required: true, schema: { type: 'string', pattern: '^[0-9]+$' }, description: 'Unix seconds' },
        { name: 'signature', in: 'query', required: true, schema: { type: 'string' } },
      ],
      responses: {
        200: {
          description: 'The object, with its stored Content-Type, ETag, Last-Modified and Cache-Control: private, max-age=<seconds left>',
          content: { 'image/*': { schema: { type: 'string', format: 'binary' } } },
        },
        304: { description: 'Not modified' },
        400: { ...errorResponse(400), description: 'Malformed percent-encoding in the key' },
        403: { ...errorResponse(403), description: 'Missing, wrong or expired signature' },
        404: { ...errorResponse(404), description: 'The object is gone' },
        500: errorResponse(500),
        503: errorResponse(503),
      },
    },
  },
];

import { RequestPhotoUpload } from '@hdoc/domain';
import { z } from 'zod';
import { defineRoute } from '../../http/routing/define-route.js';
import { instantText } from '../../http/json/instant-text.js';

/** A presigned HTML-form POST: every field, then the file as `file`, as multipart/form-data to `url`. */
const UploadTargetSchema = z
  .strictObject({ url: z.string(), fields: z.record(z.string(), z.string()) })
  .meta({ id: 'UploadTarget' });

const PhotoUploadSchema = z
  .strictObject({ photo_id: z.string(), upload: UploadTargetSchema, expires_at: z.iso.datetime() })
  .meta({ id: 'PhotoUpload' });

/**
 * POST /photos/uploads: opens an upload. Types only are checked here; the domain answers 415 for a
 * type the catalog does not take and 413 for a size over the maximum, so those rules live once.
 */
export const requestPhotoUploadRoute = defineRoute({
  method: 'post',
  path: '/photos/uploads',
  operationId: 'requestPhotoUpload',
  summary: 'Start a photo upload (presigned POST)',
  description:
    'content_type: image/jpeg, image/png, image/webp, image/gif, image/heic or image/heif (else 415); ' +
    'size: bytes, at most the configured maximum (else 413). The upload target pins the key, the type, ' +
    '1..size bytes and the expiry; the photo is listed once storage has received the file.',
  tags: ['photos'],
  auth: 'bearer',
  request: {
    body: z.strictObject({
      filename: z.string().max(1024).meta({ description: '1 to 255 characters, display only' }),
      content_type: z.string().max(256),
      size: z.number(),
    }),
  },
  responses: { 201: PhotoUploadSchema },
  examples: {
    201: {
      photo_id: '01937a52-9c8e-7f13-b4d6-5e0a1c2f8b39',
      upload: {
        url: 'http://127.0.0.1:3000/local-uploads',
        fields: {
          key: 'photos/01936f0e-4b2a-7c41-9a5e-2f8d3c6b1e07/01937a52-9c8e-7f13-b4d6-5e0a1c2f8b39',
          'Content-Type': 'image/jpeg',
          'x-hdoc-expires': '1732961244',
          'x-hdoc-max-size': '2483117',
          'x-hdoc-signature': 'mT4vQ8pZ1sK6nR3cX9wL2dF7hJ0aG5eYbU-_oIiTyQw',
        },
      },
      expires_at: '2024-11-30T10:07:24.318Z',
    },
  },
  errors: [413, 415, 429],
}).handle(async ({ body, principal, resolve }) => {
  const intent = await resolve(RequestPhotoUpload).execute({
    actor: principal,
    filename: body.filename,
    contentType: body.content_type,
    size: body.size,
  });
  return {
    status: 201,
    body: {
      photo_id: intent.photoId,
      upload: { url: intent.upload.url, fields: { ...intent.upload.fields } },
      expires_at: instantText(intent.expiresAt),
    },
  };
});

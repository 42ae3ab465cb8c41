import { GetPhoto } from '@hdoc/domain';
import { defineRoute } from '../../http/routing/define-route.js';
import { PHOTO_EXAMPLE, PhotoIdParams, PhotoSchema, toPhotoJson } from './photo.schema.js';

/** GET /photos/{id}: one of the caller's photos with its view URL; anyone else's is a 404. */
export const getPhotoRoute = defineRoute({
  method: 'get',
  path: '/photos/{id}',
  operationId: 'getPhoto',
  summary: 'Read one of my photos',
  tags: ['photos'],
  auth: 'bearer',
  request: { params: PhotoIdParams },
  responses: { 200: PhotoSchema },
  examples: { 200: PHOTO_EXAMPLE },
  errors: [404],
}).handle(async ({ params, principal, resolve }) => {
  const photo = await resolve(GetPhoto).execute({ actor: principal, photoId: params.id });
  return { status: 200, body: toPhotoJson(photo) };
});

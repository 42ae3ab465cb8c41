import { DeletePhoto } from '@hdoc/domain';
import { defineRoute } from '../../http/routing/define-route.js';
import { PhotoIdParams } from './photo.schema.js';

/** DELETE /photos/{id}: removes the object and the record; repeating it for one's own photo is harmless. */
export const deletePhotoRoute = defineRoute({
  method: 'delete',
  path: '/photos/{id}',
  operationId: 'deletePhoto',
  summary: 'Delete one of my photos',
  tags: ['photos'],
  auth: 'bearer',
  request: { params: PhotoIdParams },
  responses: { 204: null },
  errors: [404],
}).handle(async ({ params, principal, resolve }) => {
  await resolve(DeletePhoto).execute({ actor: principal, photoId: params.id });
  return { status: 204 };
});

import type { Route } from '../../http/routing/define-route.js';
import { deletePhotoRoute } from './delete-photo.route.js';
import { getPhotoRoute } from './get-photo.route.js';
import { listPhotosRoute } from './list-photos.route.js';
import { requestPhotoUploadRoute } from './request-photo-upload.route.js';
import { updatePhotoRoute } from './update-photo.route.js';

export * from './photo.schema.js';

/** The photo catalog routes. */
export const photosRoutes: readonly Route[] = [
  requestPhotoUploadRoute,
  listPhotosRoute,
  getPhotoRoute,
  updatePhotoRoute,
  deletePhotoRoute,
];

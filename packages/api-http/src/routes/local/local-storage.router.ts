import { MemoryObjectStorageToken, MemoryUploadUrlSignerToken, MemoryViewUrlSignerToken } from '@hdoc/adapters-memory';
import { ClockToken, PhotoSettingsToken } from '@hdoc/domain';
import { Router } from 'express';
import type { Resolve } from '../../http/routing/define-route.js';
import { acceptLocalUpload } from './accept-local-upload.js';
import { serveLocalObject } from './serve-local-object.js';

/**
 * The memory family's storage endpoints, which its upload and view URL signers point at: the local
 * run's S3. Not JSON routes (multipart in, bytes out), so plain express handlers outside the
 * OpenAPI document; errors still go through the app's error handler and shape.
 */
export function localStorageRouter(resolve: Resolve): Router {
  const router = Router();
  router.post('/local-uploads', acceptLocalUpload(resolve(MemoryUploadUrlSignerToken), resolve(PhotoSettingsToken).maxUploadBytes));
  router.get(
    '/local-objects/*key',
    serveLocalObject({ views: resolve(MemoryViewUrlSignerToken), storage: resolve(MemoryObjectStorageToken), clock: resolve(ClockToken) }),
  );
  return router;
}

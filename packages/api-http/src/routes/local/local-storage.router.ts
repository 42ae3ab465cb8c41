import { MemoryObjectStorageToken, MemoryUploadUrlSignerToken, MemoryViewUrlSignerToken } from '@hdoc/adapters-memory';
import { ClockToken, PhotoSettingsToken } from '@hdoc/domain';
import { Router } from 'express';
import type { Resolve } from '../../http/routing/define-route.js';
import type { MountedRouter } from '../../http/routing/mounted-router.js';
import { LOCAL_STORAGE_OPERATIONS } from './local-storage.operations.js';
import { acceptLocalUpload } from './accept-local-upload.js';
import { serveLocalObject } from './serve-local-object.js';

/**
 * The memory family's storage endpoints, which its upload and view URL signers point at: the local
 * run's S3. Not JSON routes (multipart in, bytes out), so plain express handlers, documented by
 * hand (local-storage.operations.ts); errors still go through the app's error handler and shape.
 */
export function localStorageRouter(resolve: Resolve): MountedRouter {
  const router = Router();
  router.post('/local-uploads', acceptLocalUpload(resolve(MemoryUploadUrlSignerToken), resolve(PhotoSettingsToken).maxUploadBytes));
  router.get(
    '/local-objects/*key',
    serveLocalObject({ views: resolve(MemoryViewUrlSignerToken), storage: resolve(MemoryObjectStorageToken), clock: resolve(ClockToken) }),
  );
  return { router, operations: LOCAL_STORAGE_OPERATIONS };
}

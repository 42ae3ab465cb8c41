import { NotFoundError } from '../../shared/errors.js';
import type { Principal } from '../../shared/principal.js';
import type { PhotoRecord, PhotoStatus } from '../photo/photo.js';
import { isVisiblePhoto } from '../photo/photo.js';
import type { PhotoCatalog } from '../ports/photo-catalog.port.js';

/**
 * The actor's own record of `photoId`, tombstones included, or null. Lookups are keyed by the
 * actor's subject, so another owner's photo is simply absent: it answers like a missing one.
 */
export async function findOwnRecord(
  catalog: PhotoCatalog,
  actor: Principal,
  photoId: unknown,
): Promise<PhotoRecord | null> {
  if (typeof photoId !== 'string' || photoId.length === 0) return null;
  const record = await catalog.get(actor.subject, photoId);
  return record !== null && record.ownerId === actor.subject ? record : null;
}

/** The actor's visible photo, or NotFoundError('photo') (missing, another owner's, deleted, lapsed). */
export async function getOwnVisiblePhoto(
  catalog: PhotoCatalog,
  actor: Principal,
  photoId: unknown,
  now: Date,
): Promise<PhotoRecord & { readonly status: PhotoStatus }> {
  const record = await findOwnRecord(catalog, actor, photoId);
  if (record === null || !isVisiblePhoto(record, now)) throw new NotFoundError('photo');
  return record;
}

import { NotFoundError } from '../../shared/errors.js';
import type { Principal } from '../../shared/principal.js';
import type { PhotoRecord, PhotoStatus } from '../photo/photo.js';
import { isVisiblePhoto } from '../photo/photo.js';
import type { PhotoCatalog, PhotoSnapshot } from '../ports/photo-catalog.port.js';

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
  return ownedBy(actor, await catalog.get(actor.subject, photoId));
}

/** As {@link findOwnRecord}, read for a write: the snapshot to save the next version from. */
export async function findOwnSnapshot(
  catalog: PhotoCatalog,
  actor: Principal,
  photoId: unknown,
): Promise<PhotoSnapshot | null> {
  if (typeof photoId !== 'string' || photoId.length === 0) return null;
  const snapshot = await catalog.getForUpdate(actor.subject, photoId);
  return snapshot !== null && ownedBy(actor, snapshot.record) !== null ? snapshot : null;
}

const ownedBy = (actor: Principal, record: PhotoRecord | null): PhotoRecord | null =>
  record !== null && record.ownerId === actor.subject ? record : null;

/** The actor's visible photo, or NotFoundError('photo') (missing, another owner's, deleted, lapsed). */
export async function getOwnVisiblePhoto(
  catalog: PhotoCatalog,
  actor: Principal,
  photoId: unknown,
  now: Date,
): Promise<PhotoRecord & { readonly status: PhotoStatus }> {
  return visibleOrNotFound(await findOwnRecord(catalog, actor, photoId), now);
}

/** As {@link getOwnVisiblePhoto}, read for a write: the snapshot of the visible photo. */
export async function getOwnVisibleSnapshot(
  catalog: PhotoCatalog,
  actor: Principal,
  photoId: unknown,
  now: Date,
): Promise<PhotoSnapshot & { readonly record: PhotoRecord & { readonly status: PhotoStatus } }> {
  const snapshot = await findOwnSnapshot(catalog, actor, photoId);
  if (snapshot === null) throw new NotFoundError('photo');
  return { record: visibleOrNotFound(snapshot.record, now), stored: snapshot.stored };
}

function visibleOrNotFound(record: PhotoRecord | null, now: Date): PhotoRecord & { readonly status: PhotoStatus } {
  if (record === null || !isVisiblePhoto(record, now)) throw new NotFoundError('photo');
  return record;
}

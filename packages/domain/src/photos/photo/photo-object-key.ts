/** Where uploads land; the bucket's notifications cover this prefix only. */
export const PHOTO_OBJECT_PREFIX = 'photos/';

/** The storage key of a photo: derived from ids only, so no client input ever shapes a key. */
export function photoObjectKey(ownerId: string, photoId: string): string {
  return `${PHOTO_OBJECT_PREFIX}${ownerId}/${photoId}`;
}

/**
 * The owner and photo ids of a key built by {@link photoObjectKey}, or null for any other key.
 * Photo ids never contain `/`, so the last segment is the id and everything between is the owner.
 */
export function parsePhotoObjectKey(key: string): { ownerId: string; photoId: string } | null {
  if (!key.startsWith(PHOTO_OBJECT_PREFIX)) return null;
  const slash = key.lastIndexOf('/');
  const ownerId = key.slice(PHOTO_OBJECT_PREFIX.length, slash);
  const photoId = key.slice(slash + 1);
  if (ownerId.length === 0 || photoId.length === 0) return null;
  return { ownerId, photoId };
}

const THUMBNAIL_PREFIX = 'thumbnails/';

/**
 * The storage key of a photo's thumbnail. Outside `photos/` on purpose: the bucket notifies the
 * worker of `photos/` only, so writing a thumbnail raises no storage event.
 */
export function photoThumbnailKey(ownerId: string, photoId: string): string {
  return `${THUMBNAIL_PREFIX}${ownerId}/${photoId}`;
}

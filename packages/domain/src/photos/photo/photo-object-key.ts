const PREFIX = 'photos/';

/** The storage key of a photo: derived from ids only, so no client input ever shapes a key. */
export function photoObjectKey(ownerId: string, photoId: string): string {
  return `${PREFIX}${ownerId}/${photoId}`;
}

/**
 * The owner and photo ids of a key built by {@link photoObjectKey}, or null for any other key.
 * Photo ids never contain `/`, so the last segment is the id and everything between is the owner.
 */
export function parsePhotoObjectKey(key: string): { ownerId: string; photoId: string } | null {
  if (!key.startsWith(PREFIX)) return null;
  const slash = key.lastIndexOf('/');
  const ownerId = key.slice(PREFIX.length, slash);
  const photoId = key.slice(slash + 1);
  if (ownerId.length === 0 || photoId.length === 0) return null;
  return { ownerId, photoId };
}

import type { PhotoRecord, PhotoStatus } from '../photo/photo.js';

/** The orders a photo list supports (API names). */
export const PHOTO_SORTS = ['uploaded_at', 'taken_at', 'filename', 'size'] as const;
export type PhotoSort = (typeof PHOTO_SORTS)[number];

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/**
 * A photo's position in one order: the sort value, then the id as tie-breaker, so every photo has
 * a unique position and keyset pages neither skip nor repeat. Values: epoch milliseconds for
 * uploaded_at and taken_at (null when the photo has no taken_at), the lowercased filename, the size.
 */
export interface PhotoListKeyset {
  readonly value: number | string | null;
  readonly id: string;
}

/**
 * The keyset of a record in a list of `status` photos sorted by `sort`. Pending and rejected lists
 * are ordered by `createdAt` (newest first) whatever the sort: they have no upload time, and a page
 * of uploads in progress or failed reads best as "latest first".
 */
export function photoListKeyset(record: PhotoRecord, sort: PhotoSort, status: PhotoStatus = 'ready'): PhotoListKeyset {
  if (status !== 'ready') return { value: record.createdAt.getTime(), id: record.id };
  switch (sort) {
    case 'uploaded_at':
      return { value: record.uploadedAt?.getTime() ?? null, id: record.id };
    case 'taken_at':
      return { value: record.takenAt?.getTime() ?? null, id: record.id };
    case 'filename':
      return { value: record.filename.toLowerCase(), id: record.id };
    case 'size':
      return { value: record.size, id: record.id };
  }
}

function compareValues(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The ascending order of keysets: by value (strings by UTF-16 code units, not locale, so every
 * adapter agrees), null values after all others, then by id. A descending list walks the non-null
 * values in reverse, then the null group in reverse: photos without taken_at come last in BOTH orders.
 */
export function comparePhotoListKeysets(a: PhotoListKeyset, b: PhotoListKeyset): number {
  if (a.value === null || b.value === null) {
    if (a.value !== b.value) return a.value === null ? 1 : -1;
  } else {
    const byValue = compareValues(a.value, b.value);
    if (byValue !== 0) return byValue;
  }
  return compareValues(a.id, b.id);
}

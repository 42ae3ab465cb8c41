import type { PhotoListFilter, PhotoRecord, PhotoSort, PhotoStatus, SortOrder } from '@hdoc/domain';
import { isVisiblePhoto } from '@hdoc/domain';
import fc from 'fast-check';

/** A record with every field set to something plain; tests override what they care about. */
export function photoRecord(overrides: Partial<PhotoRecord> & Pick<PhotoRecord, 'id' | 'ownerId'>): PhotoRecord {
  return {
    status: 'ready',
    filename: `${overrides.id}.jpg`,
    contentType: 'image/jpeg',
    size: 1000,
    declaredSize: 1000,
    width: null,
    height: null,
    takenAt: null,
    uploadedAt: new Date('2026-01-01T00:00:00.000Z'),
    title: null,
    description: null,
    tags: [],
    metadata: {},
    etag: 'etag',
    expiresAt: new Date('2026-01-01T00:15:00.000Z'),
    createdAt: new Date('2026-01-01T00:00:00.000Z'),
    rejectedAt: null,
    rejectionReason: null,
    hasThumbnail: false,
    lastSequencer: null,
    version: 1,
    ...overrides,
  };
}

const BASE = Date.parse('2026-01-01T00:00:00.000Z');
const MINUTE = 60_000;

/**
 * Ready photos that collide often on every sort value (few distinct sizes, times and names that
 * differ only by case), so the id tie-break and the null group are exercised.
 */
export const readyPhotoFields = fc.record({
  filename: fc.constantFrom('a.jpg', 'A.jpg', 'b.png', 'B.PNG', 'Zebra.gif', 'élan.webp', 'img 1.heic'),
  size: fc.integer({ min: 1, max: 4 }),
  uploadedMinute: fc.integer({ min: 0, max: 5 }),
  takenMinute: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
  contentType: fc.constantFrom('image/jpeg', 'image/png'),
  tags: fc.subarray(['cat', 'dog', 'sea']),
});

export type ReadyPhotoFields = typeof readyPhotoFields extends fc.Arbitrary<infer T> ? T : never;

export function readyPhoto(ownerId: string, id: string, fields: ReadyPhotoFields): PhotoRecord {
  return photoRecord({
    id,
    ownerId,
    filename: fields.filename,
    size: fields.size,
    declaredSize: fields.size,
    contentType: fields.contentType,
    tags: fields.tags,
    uploadedAt: new Date(BASE + fields.uploadedMinute * MINUTE),
    takenAt: fields.takenMinute === null ? null : new Date(BASE + fields.takenMinute * MINUTE),
  });
}

export const listScope = fc.record({
  sort: fc.constantFrom<PhotoSort>('uploaded_at', 'taken_at', 'filename', 'size'),
  order: fc.constantFrom<SortOrder>('asc', 'desc'),
  filter: fc.record(
    {
      tag: fc.constantFrom('cat', 'dog', 'sea'),
      contentType: fc.constantFrom('image/jpeg', 'image/png'),
      from: fc.integer({ min: 0, max: 5 }).map((m) => new Date(BASE + m * MINUTE)),
      to: fc.integer({ min: 1, max: 6 }).map((m) => new Date(BASE + m * MINUTE)),
    },
    { requiredKeys: [] },
  ),
});

/** Independent statement of the list order: value (nulls last in both orders), then id. */
export function expectedOrder(
  photos: readonly PhotoRecord[],
  sort: PhotoSort,
  order: SortOrder,
  filter: PhotoListFilter,
): PhotoRecord[] {
  const valueOf = (p: PhotoRecord): number | string | null =>
    sort === 'uploaded_at'
      ? p.uploadedAt!.getTime()
      : sort === 'taken_at'
        ? (p.takenAt?.getTime() ?? null)
        : sort === 'filename'
          ? p.filename.toLowerCase()
          : p.size;
  const sign = order === 'asc' ? 1 : -1;
  return photos
    .filter(
      (p) =>
        p.status === 'ready' &&
        (filter.tag === undefined || p.tags.includes(filter.tag)) &&
        (filter.contentType === undefined || p.contentType === filter.contentType) &&
        (filter.from === undefined || p.uploadedAt!.getTime() >= filter.from.getTime()) &&
        (filter.to === undefined || p.uploadedAt!.getTime() < filter.to.getTime()),
    )
    .sort((a, b) => {
      const va = valueOf(a);
      const vb = valueOf(b);
      if (va === null || vb === null) {
        if (va !== vb) return va === null ? 1 : -1;
      } else if (va !== vb) {
        return (va < vb ? -1 : 1) * sign;
      }
      return (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * sign;
    });
}

/**
 * Pending or rejected photos: created in the hour before the lists are read (often at the same
 * minute, so the id tie-break is exercised), lapsing (intent expiry, or a week after rejection) at
 * various minutes after it, so some are invisible at the reading instant.
 */
export const statusPhotoFields = fc.record({
  status: fc.constantFrom<'pending' | 'rejected'>('pending', 'rejected'),
  createdMinute: fc.integer({ min: 0, max: 4 }),
  lapseMinute: fc.integer({ min: 60, max: 90 }),
  contentType: fc.constantFrom('image/jpeg', 'image/png'),
  tags: fc.subarray(['cat', 'dog', 'sea']),
});

export type StatusPhotoFields = typeof statusPhotoFields extends fc.Arbitrary<infer T> ? T : never;

export const statusPhotoDefaults: StatusPhotoFields = {
  status: 'pending',
  createdMinute: 0,
  lapseMinute: 90,
  contentType: 'image/png',
  tags: [],
};

const WEEK = 7 * 24 * 60 * MINUTE;

export function statusPhoto(ownerId: string, id: string, fields: StatusPhotoFields): PhotoRecord {
  const createdAt = new Date(BASE + fields.createdMinute * MINUTE);
  const lapse = BASE + fields.lapseMinute * MINUTE;
  return photoRecord({
    id,
    ownerId,
    status: fields.status,
    contentType: fields.contentType,
    tags: fields.tags,
    uploadedAt: null,
    createdAt,
    expiresAt: fields.status === 'pending' ? new Date(lapse) : createdAt,
    rejectedAt: fields.status === 'rejected' ? new Date(lapse - WEEK) : null,
    rejectionReason: fields.status === 'rejected' ? 'content_type_mismatch' : null,
  });
}

/** Independent statement of a pending or rejected list at `now`: visible ones, newest created first, then id descending. */
export function expectedStatusOrder(
  photos: readonly PhotoRecord[],
  status: PhotoStatus,
  now: Date,
  filter: PhotoListFilter,
): PhotoRecord[] {
  return photos
    .filter(
      (p) =>
        p.status === status &&
        isVisiblePhoto(p, now) &&
        (filter.tag === undefined || p.tags.includes(filter.tag)) &&
        (filter.contentType === undefined || p.contentType === filter.contentType),
    )
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** What the owner sees of an upload: waiting for its object, catalogued, or refused. */
export type PhotoStatus = 'pending' | 'ready' | 'rejected';

/**
 * The stored lifecycle state. `deleted` is a tombstone: the photo is gone for every owner operation,
 * but the record keeps the owner (so a repeated delete stays harmless) and the last applied storage
 * `sequencer` (so a late `ObjectCreated` never resurrects it).
 */
export type PhotoRecordStatus = PhotoStatus | 'deleted';

/**
 * Why the worker refused an upload: its declared type differs from the stored one or from what its
 * bytes are (`content_type_mismatch`), its bytes are no image at all (`not_an_image`), or its size is
 * outside 1..declared (`size_out_of_range`).
 */
export type PhotoRejectionReason = 'content_type_mismatch' | 'not_an_image' | 'size_out_of_range';

/** How long a rejected photo stays visible (and listed) after its rejection; then it is removed. */
export const REJECTED_PHOTO_RETENTION_MS = 7 * 24 * 3600_000;

/**
 * One catalog entry, keyed by (ownerId, id); the object lives at `photos/<ownerId>/<id>` and its
 * thumbnail, when it has one, at `thumbnails/<ownerId>/<id>`.
 */
export interface PhotoRecord {
  readonly id: string;
  readonly ownerId: string;
  readonly status: PhotoRecordStatus;
  /** The client's file name, for display only: it never becomes part of the object key. */
  readonly filename: string;
  /** Declared by the client while pending; read from storage once ready. */
  readonly contentType: string;
  /** Declared size while pending; the stored object's size once ready. */
  readonly size: number;
  /** The size the client declared: the upper bound every upload to this key must respect. */
  readonly declaredSize: number;
  readonly width: number | null;
  readonly height: number | null;
  /** EXIF DateTimeOriginal, when the image carries one. */
  readonly takenAt: Date | null;
  /** The stored object's last-modified instant; null until ready. */
  readonly uploadedAt: Date | null;
  readonly title: string | null;
  readonly description: string | null;
  /** Normalised: lowercase, trimmed, unique, in the owner's order. */
  readonly tags: readonly string[];
  readonly metadata: Readonly<Record<string, string>>;
  /** The stored object's entity tag, once ready. */
  readonly etag: string | null;
  /** When the upload intent lapses if no object arrived. */
  readonly expiresAt: Date;
  /** When the upload was requested: pending and rejected lists are newest first by it. */
  readonly createdAt: Date;
  /** Set when the worker rejected the upload; the photo is removed {@link REJECTED_PHOTO_RETENTION_MS} later. */
  readonly rejectedAt: Date | null;
  readonly rejectionReason: PhotoRejectionReason | null;
  /** Whether a WebP thumbnail was written at ingestion (formats the processor cannot decode have none). */
  readonly hasThumbnail: boolean;
  /** The highest storage-event sequencer applied to this key, null before any event. */
  readonly lastSequencer: string | null;
  /** Optimistic-concurrency version: 1 on creation, +1 on every save. */
  readonly version: number;
}

/** A photo's read URLs: null where there is nothing to read (not ready, or no thumbnail). */
export interface PhotoUrls {
  readonly viewUrl: string | null;
  readonly thumbnailUrl: string | null;
}

/** No URLs: the photo is not ready. */
export const NO_PHOTO_URLS: PhotoUrls = { viewUrl: null, thumbnailUrl: null };

/** The photo as use cases return it, with its read URLs (the HTTP layer renames the fields to snake_case). */
export type PhotoOutput = Pick<
  PhotoRecord,
  | 'id'
  | 'filename'
  | 'contentType'
  | 'size'
  | 'width'
  | 'height'
  | 'takenAt'
  | 'uploadedAt'
  | 'title'
  | 'description'
  | 'tags'
  | 'metadata'
  | 'rejectionReason'
> & { readonly status: PhotoStatus } & PhotoUrls;

/**
 * The instant a visible record stops being visible: a pending intent when it lapses, a rejected
 * photo {@link REJECTED_PHOTO_RETENTION_MS} after its rejection; null for a ready photo (it stays)
 * and for a tombstone (never visible).
 */
export function visibleUntil(record: PhotoRecord): Date | null {
  if (record.status === 'pending') return record.expiresAt;
  if (record.status === 'rejected') {
    return new Date((record.rejectedAt ?? record.expiresAt).getTime() + REJECTED_PHOTO_RETENTION_MS);
  }
  return null;
}

/**
 * Whether the owner can see the record at `now`: tombstones, lapsed intents and rejected photos past
 * their retention are gone, exactly as if they had never existed.
 */
export function isVisiblePhoto(
  record: PhotoRecord,
  now: Date,
): record is PhotoRecord & { readonly status: PhotoStatus } {
  if (record.status === 'deleted') return false;
  const until = visibleUntil(record);
  return until === null || until.getTime() > now.getTime();
}

/**
 * Projects a visible record, whose visible status the caller knows, onto the public photo fields and
 * its URLs: one object per photo, as a page builds fifty of them.
 */
export function toPhotoOutput(record: PhotoRecord, status: PhotoStatus, urls: PhotoUrls): PhotoOutput {
  return {
    id: record.id,
    status,
    filename: record.filename,
    contentType: record.contentType,
    size: record.size,
    width: record.width,
    height: record.height,
    takenAt: record.takenAt,
    uploadedAt: record.uploadedAt,
    title: record.title,
    description: record.description,
    tags: record.tags,
    metadata: record.metadata,
    rejectionReason: record.rejectionReason,
    viewUrl: urls.viewUrl,
    thumbnailUrl: urls.thumbnailUrl,
  };
}

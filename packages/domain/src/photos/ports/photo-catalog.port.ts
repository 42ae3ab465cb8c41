import { token } from '../../shared/token.js';
import type { PhotoRecord, PhotoStatus } from '../photo/photo.js';
import type { PhotoListKeyset, PhotoSort, SortOrder } from '../listing/photo-order.js';

/** Narrowing of a photo list; every present filter must match. */
export interface PhotoListFilter {
  /** A normalised tag the photo must carry. */
  readonly tag?: string;
  readonly contentType?: string;
  /** uploaded_at >= from (inclusive). */
  readonly from?: Date;
  /** uploaded_at < to (exclusive). */
  readonly to?: Date;
}

/** One page of an owner's photos of one status; `limit` is already validated (1..100). */
export interface PhotoListQuery {
  readonly ownerId: string;
  /**
   * Which photos. `ready` lists follow `sort` and `order`; `pending` and `rejected` lists are
   * newest first by `createdAt` whatever they say (see {@link photoListKeyset}), and never carry a
   * `from`/`to` filter (those bound uploaded_at, which only ready photos have).
   */
  readonly status: PhotoStatus;
  /**
   * The reading instant: pending and rejected records are listed only while visible at it (see
   * {@link visibleUntil}); lapsed ones are skipped, and an adapter may drop them from its indexes,
   * and lapsed rejected records from its store.
   */
  readonly now: Date;
  readonly sort: PhotoSort;
  readonly order: SortOrder;
  readonly filter: PhotoListFilter;
  readonly limit: number;
  /** Start strictly after this position; null for the first page. */
  readonly after: PhotoListKeyset | null;
}

/** Up to `limit` photos in list order, and whether more follow. */
export interface PhotoListSlice {
  readonly items: readonly PhotoRecord[];
  readonly hasMore: boolean;
}

/**
 * A record read for a read-modify-write: the record, and what the adapter read beside it (opaque to
 * callers, null when it needs nothing). Saving the next version with it spares the adapter reading
 * the photo again.
 */
export interface PhotoSnapshot {
  readonly record: PhotoRecord;
  readonly stored: unknown;
}

/**
 * The photo records, keyed by (ownerId, id). Writes are versioned (optimistic concurrency), and
 * lists are keyset pages over ordered indexes of one status: a page of ready photos costs
 * O(log n + page), never a sort or scan of all the owner's photos. Order: see
 * {@link comparePhotoListKeysets}. Rejected records are removed once past their retention
 * ({@link REJECTED_PHOTO_RETENTION_MS}): `get` may still answer one until then, which callers
 * check with {@link isVisiblePhoto}.
 */
export interface PhotoCatalog {
  /** The record (tombstones included), or null when the owner has no photo with that id. */
  get(ownerId: string, photoId: string): Promise<PhotoRecord | null>;
  /** As `get`, for a write to follow: the record (tombstones included) and what `save` can reuse, or null. */
  getForUpdate(ownerId: string, photoId: string): Promise<PhotoSnapshot | null>;
  /**
   * Stores the record if the stored version is `record.version - 1` (absent for version 1);
   * otherwise throws StaleWriteError and changes nothing. `from`, the snapshot this version was
   * derived from, changes no outcome: an adapter may use it instead of reading the photo again
   * (and ignores it unless it holds the same photo at `record.version - 1`).
   */
  save(record: PhotoRecord, from?: PhotoSnapshot): Promise<void>;
  /** A page of the owner's visible photos of `query.status` in the list order, after `query.after`. */
  list(query: PhotoListQuery): Promise<PhotoListSlice>;
}

export const PhotoCatalogToken = token<PhotoCatalog>('PhotoCatalog');

import type { PhotoListKeyset, PhotoRecord, PhotoSort, PhotoStatus, SortOrder } from '@hdoc/domain';
import { comparePhotoListKeysets, photoListKeyset } from '@hdoc/domain';
import { BTree } from '../shared/sorted-btree.js';

/** Bounds on the sort value the walk may stop at early (only meaningful for uploaded_at). */
export interface ValueRange {
  /** Inclusive lower bound. */
  readonly from?: number;
  /** Exclusive upper bound. */
  readonly to?: number;
}

/** Smaller than any real keyset of that value: ids are never empty. */
const floorOf = (value: number | string | null): PhotoListKeyset => ({ value, id: '' });

/**
 * One ordered index of photos for a single sort (or, for pending and rejected photos, by creation
 * time): a B+ tree keyed by the domain's keyset order, so a page is a seek plus a walk of the page,
 * in either direction.
 */
export class PhotoListIndex {
  private readonly tree = new BTree<PhotoListKeyset, PhotoRecord>(undefined, comparePhotoListKeysets);

  constructor(
    private readonly sort: PhotoSort,
    private readonly status: PhotoStatus = 'ready',
  ) {}

  get size(): number {
    return this.tree.size;
  }

  add(record: PhotoRecord): void {
    this.tree.set(photoListKeyset(record, this.sort, this.status), record);
  }

  remove(record: PhotoRecord): void {
    this.tree.delete(photoListKeyset(record, this.sort, this.status));
  }

  /**
   * Records in list order strictly after `after`, inside `range`. Descending walks the non-null
   * values backwards, then the null group backwards, so nulls stay last in both orders.
   */
  *walk(order: SortOrder, after: PhotoListKeyset | null, range: ValueRange): Generator<PhotoRecord> {
    if (order === 'asc') {
      const start = after ?? (range.from !== undefined ? floorOf(range.from) : undefined);
      for (const [key, record] of this.tree.entries(start)) {
        if (after !== null && comparePhotoListKeysets(key, after) === 0) continue;
        if (range.to !== undefined && comparePhotoListKeysets(key, floorOf(range.to)) >= 0) return;
        yield record;
      }
      return;
    }
    if (after === null || after.value !== null) {
      const start = after ?? floorOf(range.to ?? null);
      for (const [key, record] of this.tree.entriesReversed(start, undefined, true)) {
        if (range.from !== undefined && comparePhotoListKeysets(key, floorOf(range.from)) < 0) return;
        yield record;
      }
    }
    if (range.from !== undefined || range.to !== undefined) return;
    const nullStart = after !== null && after.value === null ? after : undefined;
    for (const [key, record] of this.tree.entriesReversed(nullStart, undefined, true)) {
      if (key.value !== null) return;
      yield record;
    }
  }
}

import type { PhotoListQuery, PhotoRecord } from '@hdoc/domain';
import { PHOTO_LIST_INDEXES } from '../tables.js';
import type { PhotoListGroup } from './photo-keys.js';
import { encodedValue, listPartition, NULL_VALUE, positionKey } from './photo-keys.js';

/** One contiguous stretch of one index partition, walked in one direction. Bounds are inclusive. */
export interface ListSegment {
  readonly lower?: string;
  readonly upper?: string;
  readonly forward: boolean;
}

/** How to read one page: which index and partition, the stretches in order, and what the index does not filter. */
export interface PhotoListPlan {
  readonly indexName: string;
  readonly sortKey: string;
  readonly partition: string;
  readonly segments: readonly ListSegment[];
  /** Whether the partition holds index items (type and tag lists), whose records a page reads with BatchGetItem. */
  readonly throughIndexItems: boolean;
  /** The `after` position's key: the walk starts there (bounds are inclusive) and skips it. */
  readonly skipKey: string | null;
  /** The filters the index did not apply, checked on each item read (see docs/data-model.md). */
  readonly residual: ((record: PhotoRecord) => boolean) | null;
}

/** Digits of a number key all sort below this; the null group (`~`) above it. */
const ABOVE_NUMBERS = ':';

/**
 * The index and key ranges serving a query. The narrowest group wins (tag, else type, else all);
 * a date range is a key range when sorting by uploaded_at. A second filter, or a range under
 * another sort, is left to {@link PhotoListPlan.residual}. Pending and rejected lists use the
 * creation index, newest first.
 */
export function planPhotoList(query: PhotoListQuery): PhotoListPlan {
  const { filter } = query;
  const group: PhotoListGroup =
    filter.tag !== undefined
      ? { kind: 'tag', tag: filter.tag }
      : filter.contentType !== undefined
        ? { kind: 'type', contentType: filter.contentType }
        : { kind: 'all' };
  const partition = listPartition(query.ownerId, query.status, group);
  const checks: ((record: PhotoRecord) => boolean)[] = [];
  if (filter.tag !== undefined && filter.contentType !== undefined) {
    const contentType = filter.contentType;
    checks.push((record) => record.contentType === contentType);
  }

  if (query.status !== 'ready') {
    const skipKey = query.after && positionKey('created', query.after);
    return {
      ...PHOTO_LIST_INDEXES.created,
      partition,
      throughIndexItems: group.kind !== 'all',
      segments: [{ ...(skipKey !== null && { upper: skipKey }), forward: false }],
      skipKey,
      residual: residualOf(checks),
    };
  }

  const sort = query.sort;
  const skipKey = query.after && positionKey(sort, query.after);
  const forward = query.order === 'asc';
  let segments: ListSegment[];
  if (sort === 'uploaded_at') {
    const from = filter.from && encodedValue(sort, filter.from.getTime());
    const to = filter.to && encodedValue(sort, filter.to.getTime());
    // Keys are value + separator + id: the bare encoded `from` sorts before every key of that value
    // (inclusive), the bare `to` before every key of its value (so those are excluded).
    const lower = forward ? (skipKey ?? from) : from;
    const upper = forward ? to : (skipKey ?? to);
    segments = [{ ...(lower !== undefined && { lower }), ...(upper !== undefined && { upper }), forward }];
  } else {
    segments = sort === 'taken_at' && !forward ? takenDescending(skipKey, query.after?.value === null) : [
      forward ? { ...(skipKey !== null && { lower: skipKey }), forward } : { ...(skipKey !== null && { upper: skipKey }), forward },
    ];
    const { from, to } = filter;
    if (from !== undefined) checks.push((record) => record.uploadedAt!.getTime() >= from.getTime());
    if (to !== undefined) checks.push((record) => record.uploadedAt!.getTime() < to.getTime());
  }
  return { ...PHOTO_LIST_INDEXES[sort], partition, throughIndexItems: group.kind !== 'all', segments, skipKey, residual: residualOf(checks) };
}

/**
 * taken_at descending: the dated photos backwards, then the undated ones (`~` keys) backwards, so
 * the photos without taken_at come last in both orders, as in the domain's keyset order.
 */
function takenDescending(skipKey: string | null, afterIsNull: boolean): ListSegment[] {
  const undated: ListSegment = { lower: NULL_VALUE, ...(afterIsNull && skipKey !== null && { upper: skipKey }), forward: false };
  if (afterIsNull) return [undated];
  return [{ upper: skipKey ?? ABOVE_NUMBERS, forward: false }, undated];
}

function residualOf(checks: readonly ((record: PhotoRecord) => boolean)[]): PhotoListPlan['residual'] {
  if (checks.length === 0) return null;
  return (record) => checks.every((check) => check(record));
}

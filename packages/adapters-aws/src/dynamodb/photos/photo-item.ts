import type { PhotoRecord, PhotoStatus } from '@hdoc/domain';
import { photoListKeyset, PHOTO_SORTS, visibleUntil } from '@hdoc/domain';
import { PHOTO_LIST_INDEXES, PHOTO_LIST_PARTITION, TTL_ATTRIBUTE } from '../tables.js';
import type { PhotoListGroup } from './photo-keys.js';
import { indexedGroupsOf, indexItemSortKey, listPartition, ownerPartition, positionKey, recordSortKey } from './photo-keys.js';

/** A photo item as lib-dynamodb reads and writes it. */
export type PhotoItem = Record<string, unknown>;

/** Attribute names of index items (and `index_id` of records). */
export const INDEX_ID = 'index_id';
export const INDEX_VERSION = 'index_version';
export const PHOTO_ID = 'photo_id';

/**
 * How long a lapsed upload intent is kept: an upload storage accepted before the intent lapsed is
 * still catalogued when its event arrives later, and SQS keeps a message at most 14 days.
 */
export const LAPSED_INTENT_RETENTION_MS = 14 * 24 * 3600_000;

const epochMs = (date: Date | null): number | null => (date === null ? null : date.getTime());
const dateOf = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(Number(value)));

/** The record's fields, snake_case, instants as epoch milliseconds. */
function recordAttributes(record: PhotoRecord): PhotoItem {
  return {
    id: record.id,
    owner_id: record.ownerId,
    status: record.status,
    filename: record.filename,
    content_type: record.contentType,
    size: record.size,
    declared_size: record.declaredSize,
    width: record.width,
    height: record.height,
    taken_at: epochMs(record.takenAt),
    uploaded_at: epochMs(record.uploadedAt),
    title: record.title,
    description: record.description,
    tags: [...record.tags],
    metadata: { ...record.metadata },
    etag: record.etag,
    intent_expires_at: record.expiresAt.getTime(),
    created_at: record.createdAt.getTime(),
    rejected_at: epochMs(record.rejectedAt),
    rejection_reason: record.rejectionReason,
    has_thumbnail: record.hasThumbnail,
    last_sequencer: record.lastSequencer,
    version: record.version,
  };
}

/** The TTL attribute (epoch seconds, rounded up so DynamoDB never deletes early), or nothing. */
function ttl(until: number | null): PhotoItem {
  return until === null ? {} : { [TTL_ATTRIBUTE]: Math.ceil(until / 1000) };
}

/** A listed record's list partition and sort keys for `group`: every order for a ready photo, creation for the others. */
function listKeys(record: ListedRecord, group: PhotoListGroup): PhotoItem {
  const keys: PhotoItem = { [PHOTO_LIST_PARTITION]: listPartition(record.ownerId, record.status, group) };
  if (record.status === 'ready') {
    for (const sort of PHOTO_SORTS) keys[PHOTO_LIST_INDEXES[sort].sortKey] = positionKey(sort, photoListKeyset(record, sort));
  } else {
    keys[PHOTO_LIST_INDEXES.created.sortKey] = positionKey('created', photoListKeyset(record, 'uploaded_at', record.status));
  }
  return keys;
}

type ListedRecord = PhotoRecord & { readonly status: PhotoStatus };

/** Every status but the tombstone's is listed (visibility in time is checked when reading). */
const listed = (record: PhotoRecord): record is ListedRecord => record.status !== 'deleted';

/**
 * The record item, in the owner's list of all photos of its status (a tombstone in none), naming
 * the index items that currently list it (`index_id`). A pending intent is deleted by TTL
 * {@link LAPSED_INTENT_RETENTION_MS} after it lapses, a rejected photo when it stops being
 * visible; ready photos and tombstones stay.
 */
export function recordItem(record: PhotoRecord, indexId: string | null): PhotoItem {
  const until = visibleUntil(record)?.getTime() ?? null;
  const expiry = record.status === 'pending' && until !== null ? until + LAPSED_INTENT_RETENTION_MS : until;
  return {
    pk: ownerPartition(record.ownerId),
    sk: recordSortKey(record.id),
    ...(listed(record) && listKeys(record, { kind: 'all' })),
    ...recordAttributes(record),
    ...(indexId !== null && { [INDEX_ID]: indexId }),
    ...ttl(expiry),
  };
}

/**
 * What the index items of a record hold apart from their own keys: one per type and tag list, with
 * the list keys and TTL (lapsing with the record's visibility). Equal for two versions exactly when
 * the later one can keep the earlier one's index items.
 */
function indexContents(record: PhotoRecord): PhotoItem[] {
  if (!listed(record)) return [];
  const expiry = ttl(visibleUntil(record)?.getTime() ?? null);
  return indexedGroupsOf(record).map((group) => ({ ...listKeys(record, group), ...expiry }));
}

/** Whether a save from `stored` to `next` must write new index items (tags, type, status, a sort value or the expiry changed). */
export function indexChanged(stored: PhotoRecord, next: PhotoRecord): boolean {
  return JSON.stringify(indexContents(stored)) !== JSON.stringify(indexContents(next));
}

/** Whether a record of this status is listed through index items (all but tombstones). */
export const hasIndexItems = listed;

/**
 * The index items of a record under `indexId`: keys only (list partition, sort keys, the photo
 * id, the index id and the version that wrote them). A list through them reads the records and
 * keeps an item only if its record names its index id.
 */
export function indexItems(record: PhotoRecord, indexId: string): PhotoItem[] {
  return indexContents(record).map((contents, slot) => ({
    pk: ownerPartition(record.ownerId),
    sk: indexItemSortKey(record.id, indexId, slot),
    ...contents,
    [PHOTO_ID]: record.id,
    [INDEX_ID]: indexId,
    [INDEX_VERSION]: record.version,
  }));
}

/** The record a record item holds. */
export function recordOf(item: PhotoItem): PhotoRecord {
  return {
    id: String(item.id),
    ownerId: String(item.owner_id),
    status: item.status as PhotoRecord['status'],
    filename: String(item.filename),
    contentType: String(item.content_type),
    size: Number(item.size),
    declaredSize: Number(item.declared_size),
    width: item.width === null ? null : Number(item.width),
    height: item.height === null ? null : Number(item.height),
    takenAt: dateOf(item.taken_at),
    uploadedAt: dateOf(item.uploaded_at),
    title: (item.title ?? null) as string | null,
    description: (item.description ?? null) as string | null,
    tags: item.tags as string[],
    metadata: item.metadata as Record<string, string>,
    etag: (item.etag ?? null) as string | null,
    expiresAt: new Date(Number(item.intent_expires_at)),
    createdAt: new Date(Number(item.created_at)),
    rejectedAt: dateOf(item.rejected_at),
    rejectionReason: (item.rejection_reason ?? null) as PhotoRecord['rejectionReason'],
    hasThumbnail: item.has_thumbnail === true,
    lastSequencer: (item.last_sequencer ?? null) as string | null,
    version: Number(item.version),
  };
}

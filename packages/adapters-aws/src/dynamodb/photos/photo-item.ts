import type { PhotoRecord } from '@hdoc/domain';
import { photoListKeyset, PHOTO_SORTS, visibleUntil } from '@hdoc/domain';
import { PHOTO_LIST_INDEXES, PHOTO_LIST_PARTITION, TTL_ATTRIBUTE } from '../tables.js';
import { groupsOf, listPartition, ownerPartition, positionKey, recordSortKey, slotSortKey } from './photo-keys.js';

/** A photo item as lib-dynamodb reads and writes it. */
export type PhotoItem = Record<string, unknown>;

/**
 * How long a lapsed upload intent is kept: an upload storage accepted before the intent lapsed is
 * still catalogued when its event arrives later, and SQS keeps a message at most 14 days.
 */
export const LAPSED_INTENT_RETENTION_MS = 14 * 24 * 3600_000;

const epochMs = (date: Date | null): number | null => (date === null ? null : date.getTime());
const dateOf = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(Number(value)));

/** The record's fields, snake_case, instants as epoch milliseconds; the same in the record and in every slot. */
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

/**
 * The record item. A pending intent is deleted by TTL {@link LAPSED_INTENT_RETENTION_MS} after it
 * lapses, a rejected photo when it stops being visible; ready photos and tombstones stay.
 */
export function recordItem(record: PhotoRecord): PhotoItem {
  const until = visibleUntil(record)?.getTime() ?? null;
  const expiry = record.status === 'pending' && until !== null ? until + LAPSED_INTENT_RETENTION_MS : until;
  return { pk: ownerPartition(record.ownerId), sk: recordSortKey(record.id), ...recordAttributes(record), ...ttl(expiry) };
}

/**
 * The slot items of a visible record, in slot order (all, type, tags): a full copy of the record
 * each, with the list partition and the sort keys of its status's index or indexes. They expire by
 * TTL when the record stops being visible (lists skip lapsed ones before TTL gets to them).
 */
export function slotItems(record: PhotoRecord): PhotoItem[] {
  if (record.status === 'deleted') return [];
  const attributes = recordAttributes(record);
  const sortKeys: PhotoItem = {};
  if (record.status === 'ready') {
    for (const sort of PHOTO_SORTS) {
      sortKeys[PHOTO_LIST_INDEXES[sort].sortKey] = positionKey(sort, photoListKeyset(record, sort));
    }
  } else {
    sortKeys[PHOTO_LIST_INDEXES.created.sortKey] = positionKey('created', photoListKeyset(record, 'uploaded_at', record.status));
  }
  const expiry = ttl(visibleUntil(record)?.getTime() ?? null);
  return groupsOf(record).map((group, slot) => ({
    pk: ownerPartition(record.ownerId),
    sk: slotSortKey(record.id, slot),
    [PHOTO_LIST_PARTITION]: listPartition(record.ownerId, record.status, group),
    ...sortKeys,
    ...attributes,
    ...expiry,
  }));
}

/** The record a record or slot item holds. */
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

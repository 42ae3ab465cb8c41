import type { PhotoCatalog, PhotoListQuery, PhotoListSlice, PhotoRecord, PhotoSnapshot, PhotoSort } from '@hdoc/domain';
import { PHOTO_SORTS, StaleWriteError, visibleUntil } from '@hdoc/domain';
import { BTree } from '../shared/sorted-btree.js';
import type { ValueRange } from './photo-list-index.js';
import { PhotoListIndex } from './photo-list-index.js';

/** Which group of an owner's photos an index holds: ready ones (all, by tag, by type), or pending or rejected ones. */
type PhotoGroup =
  | { kind: 'all' }
  | { kind: 'tag'; tag: string }
  | { kind: 'type'; contentType: string }
  | { kind: 'status'; status: 'pending' | 'rejected' };

function groupName(group: PhotoGroup): string {
  if (group.kind === 'all') return '*';
  if (group.kind === 'status') return `status:${group.status}`;
  return group.kind === 'tag' ? `tag:${group.tag}` : `type:${group.contentType}`;
}

function groupsOf(record: PhotoRecord): PhotoGroup[] {
  return [
    { kind: 'all' },
    { kind: 'type', contentType: record.contentType },
    ...record.tags.map((tag): PhotoGroup => ({ kind: 'tag', tag })),
  ];
}

/** A pending or rejected record's place in the lapse order: when it stops being visible, then which. */
interface Lapse {
  readonly at: number;
  readonly key: string;
}

const compareLapses = (a: Lapse, b: Lapse): number =>
  a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The photo catalog in memory. Records live in a map by (owner, id); every ready photo is also in
 * one B+ tree per sort for the owner, per (owner, tag) and per (owner, content type), so a page is a
 * seek in the narrowest matching index plus a walk of the page. A date range is a seek when sorting
 * by uploaded_at; a filter the chosen index does not cover (a second filter, or a range under another
 * sort) is checked row by row, costing the rows it skips.
 *
 * Pending and rejected photos are in one B+ tree per (owner, status), newest first by creation, with
 * tag and type filters checked row by row (these lists are short: intents last minutes, rejections a
 * week). A third tree orders them by the instant they stop being visible; every list first walks it
 * up to `now` and drops what lapsed: a lapsed intent leaves its list (its record stays, so an upload
 * storage accepted in time is still catalogued), a lapsed rejected photo leaves the store altogether.
 */
export class MemoryPhotoCatalog implements PhotoCatalog {
  private readonly records = new Map<string, PhotoRecord>();
  private readonly indexes = new Map<string, PhotoListIndex>();
  private readonly lapses = new BTree<Lapse, true>(undefined, compareLapses);

  async get(ownerId: string, photoId: string): Promise<PhotoRecord | null> {
    return this.records.get(recordKey(ownerId, photoId)) ?? null;
  }

  /** The record alone: a save here reads nothing it could reuse. */
  async getForUpdate(ownerId: string, photoId: string): Promise<PhotoSnapshot | null> {
    const record = await this.get(ownerId, photoId);
    return record === null ? null : { record, stored: null };
  }

  async save(record: PhotoRecord): Promise<void> {
    const key = recordKey(record.ownerId, record.id);
    const current = this.records.get(key);
    if ((current?.version ?? 0) !== record.version - 1) {
      throw new StaleWriteError(`photo ${record.id}`);
    }
    const stored = frozenCopyOf(record);
    if (current !== undefined) this.unindex(current);
    this.records.set(key, stored);
    this.index(stored);
  }

  async list(query: PhotoListQuery): Promise<PhotoListSlice> {
    this.dropLapsed(query.now);
    return query.status === 'ready' ? this.listReady(query) : this.listByCreation({ ...query, status: query.status });
  }

  /** Pending or rejected photos, newest first; the lapse walk already removed the invisible ones. */
  private listByCreation(query: PhotoListQuery & { readonly status: 'pending' | 'rejected' }): PhotoListSlice {
    const index = this.indexes.get(indexName(query.ownerId, 'uploaded_at', { kind: 'status', status: query.status }));
    if (!index) return { items: [], hasMore: false };
    const { filter } = query;
    const items: PhotoRecord[] = [];
    for (const record of index.walk('desc', query.after, {})) {
      if (filter.tag !== undefined && !record.tags.includes(filter.tag)) continue;
      if (filter.contentType !== undefined && record.contentType !== filter.contentType) continue;
      if (items.length === query.limit) return { items, hasMore: true };
      items.push(record);
    }
    return { items, hasMore: false };
  }

  /** Takes every pending or rejected record that stopped being visible by `now` out of its list. */
  private dropLapsed(now: Date): void {
    for (let first = this.lapses.minKey(); first !== undefined && first.at <= now.getTime(); first = this.lapses.minKey()) {
      const record = this.records.get(first.key);
      if (record !== undefined) this.unindex(record);
      if (record?.status === 'rejected') this.records.delete(first.key);
      this.lapses.delete(first);
    }
  }

  private listReady(query: PhotoListQuery): PhotoListSlice {
    const { filter } = query;
    const group: PhotoGroup =
      filter.tag !== undefined
        ? { kind: 'tag', tag: filter.tag }
        : filter.contentType !== undefined
          ? { kind: 'type', contentType: filter.contentType }
          : { kind: 'all' };
    const index = this.indexes.get(indexName(query.ownerId, query.sort, group));
    if (!index) return { items: [], hasMore: false };
    const seekable = query.sort === 'uploaded_at';
    const range: ValueRange = seekable
      ? { ...(filter.from && { from: filter.from.getTime() }), ...(filter.to && { to: filter.to.getTime() }) }
      : {};
    const items: PhotoRecord[] = [];
    for (const record of index.walk(query.order, query.after, range)) {
      if (!matchesFilter(record, filter, seekable)) continue;
      if (items.length === query.limit) return { items, hasMore: true };
      items.push(record);
    }
    return { items, hasMore: false };
  }

  private index(record: PhotoRecord): void {
    if (record.status === 'pending' || record.status === 'rejected') {
      this.indexByCreation(record, record.status);
      return;
    }
    if (record.status !== 'ready') return;
    for (const group of groupsOf(record)) {
      for (const sort of PHOTO_SORTS) {
        const name = indexName(record.ownerId, sort, group);
        let index = this.indexes.get(name);
        if (!index) this.indexes.set(name, (index = new PhotoListIndex(sort)));
        index.add(record);
      }
    }
  }

  private indexByCreation(record: PhotoRecord, status: 'pending' | 'rejected'): void {
    const name = indexName(record.ownerId, 'uploaded_at', { kind: 'status', status });
    let index = this.indexes.get(name);
    if (!index) this.indexes.set(name, (index = new PhotoListIndex('uploaded_at', status)));
    index.add(record);
    this.lapses.set(lapseOf(record), true);
  }

  private unindex(record: PhotoRecord): void {
    if (record.status === 'pending' || record.status === 'rejected') {
      const name = indexName(record.ownerId, 'uploaded_at', { kind: 'status', status: record.status });
      const index = this.indexes.get(name);
      index?.remove(record);
      if (index?.size === 0) this.indexes.delete(name);
      this.lapses.delete(lapseOf(record));
      return;
    }
    if (record.status !== 'ready') return;
    for (const group of groupsOf(record)) {
      for (const sort of PHOTO_SORTS) {
        const name = indexName(record.ownerId, sort, group);
        const index = this.indexes.get(name);
        index?.remove(record);
        if (index?.size === 0) this.indexes.delete(name);
      }
    }
  }
}

/** Whether a record the index walk yields passes the filters the index did not apply (an upload-time range it could not seek). */
function matchesFilter(record: PhotoRecord, filter: PhotoListQuery['filter'], seekable: boolean): boolean {
  return (
    (filter.contentType === undefined || record.contentType === filter.contentType) &&
    (seekable || filter.from === undefined || record.uploadedAt!.getTime() >= filter.from.getTime()) &&
    (seekable || filter.to === undefined || record.uploadedAt!.getTime() < filter.to.getTime())
  );
}

/**
 * What the catalog stores: a frozen copy, handed out as it is by `get` and `list`. A save replaces
 * the stored record instead of changing it, so a record read earlier stays the snapshot it was, as
 * from a real store, without copying every listed record on every read (50 per page). Its Dates are
 * its own (copied here) and, like every Date in the code base, never changed in place (lint forbids
 * Date setters). Field by field: object spread is several times slower on Node 20.
 */
function frozenCopyOf(record: PhotoRecord): PhotoRecord {
  return Object.freeze({
    id: record.id,
    ownerId: record.ownerId,
    status: record.status,
    filename: record.filename,
    contentType: record.contentType,
    size: record.size,
    declaredSize: record.declaredSize,
    width: record.width,
    height: record.height,
    takenAt: record.takenAt === null ? null : new Date(record.takenAt.getTime()),
    uploadedAt: record.uploadedAt === null ? null : new Date(record.uploadedAt.getTime()),
    title: record.title,
    description: record.description,
    tags: Object.isFrozen(record.tags) ? record.tags : Object.freeze([...record.tags]),
    metadata: Object.isFrozen(record.metadata) ? record.metadata : Object.freeze({ ...record.metadata }),
    etag: record.etag,
    expiresAt: new Date(record.expiresAt.getTime()),
    createdAt: new Date(record.createdAt.getTime()),
    rejectedAt: record.rejectedAt === null ? null : new Date(record.rejectedAt.getTime()),
    rejectionReason: record.rejectionReason,
    hasThumbnail: record.hasThumbnail,
    lastSequencer: record.lastSequencer,
    version: record.version,
  });
}

function lapseOf(record: PhotoRecord): Lapse {
  return { at: visibleUntil(record)!.getTime(), key: recordKey(record.ownerId, record.id) };
}

function recordKey(ownerId: string, photoId: string): string {
  return JSON.stringify([ownerId, photoId]);
}

function indexName(ownerId: string, sort: PhotoSort, group: PhotoGroup): string {
  return JSON.stringify([ownerId, sort, groupName(group)]);
}

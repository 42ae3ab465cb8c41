import type { PhotoRecord } from '../photo/photo.js';
import { parsePhotoObjectKey } from '../photo/photo-object-key.js';
import { withOptimisticRetry } from '../../shared/optimistic-retry.js';
import type { ImageInspector } from '../ports/image-inspector.port.js';
import type { ObjectStorage } from '../ports/object-storage.port.js';
import type { PhotoCatalog } from '../ports/photo-catalog.port.js';
import type { StorageEvent } from './storage-event.js';
import { compareSequencers } from './storage-event.js';

export interface IngestStorageEventInput {
  readonly event: StorageEvent;
}

/**
 * What the event did: `ready`/`rejected` (an upload was catalogued or refused), `removed` (the
 * record became a tombstone), `discarded` (an object without a live intent was deleted), or
 * `ignored` (stale, duplicate, or nothing to do).
 */
export type IngestOutcome = 'ready' | 'rejected' | 'removed' | 'discarded' | 'ignored';

export interface IngestStorageEventOutput {
  readonly outcome: IngestOutcome;
}

/**
 * Applies one storage event to the catalog. Events come at least once and in any order, so:
 * an event whose sequencer is not newer than the last one applied to the key is ignored
 * (duplicates and stale events); facts come from `ObjectStorage.head`, never from the event or the
 * client; a removal only deletes the record when the key is really empty (a newer upload may have
 * overtaken it); an object whose key has no live intent (unknown, rejected or deleted photo) is deleted
 * from storage, so a late `ObjectCreated` never resurrects a removed photo; an object that breaks
 * its intent (type differs, size outside 1..declared) is deleted and the intent marked rejected.
 * An upload that lands after its intent lapsed still counts: storage enforced the expiry at upload.
 */
export class IngestStorageEvent {
  constructor(
    private readonly catalog: PhotoCatalog,
    private readonly storage: ObjectStorage,
    private readonly inspector: ImageInspector,
  ) {}

  async execute({ event }: IngestStorageEventInput): Promise<IngestStorageEventOutput> {
    const ids = parsePhotoObjectKey(event.key);
    if (ids === null) return this.discard(event);
    return withOptimisticRetry(`photo ${ids.photoId}`, async () => {
      const record = await this.catalog.get(ids.ownerId, ids.photoId);
      if (record === null) return this.discard(event);
      if (record.lastSequencer !== null && compareSequencers(event.sequencer, record.lastSequencer) <= 0) {
        return { outcome: 'ignored' };
      }
      const applied = { ...record, lastSequencer: event.sequencer, version: record.version + 1 };
      return event.kind === 'created' ? this.applyCreated(event, applied) : this.applyRemoved(event, applied);
    });
  }

  private async discard(event: StorageEvent): Promise<IngestStorageEventOutput> {
    if (event.kind === 'removed') return { outcome: 'ignored' };
    await this.storage.delete(event.key);
    return { outcome: 'discarded' };
  }

  private async applyCreated(event: StorageEvent, record: PhotoRecord): Promise<IngestStorageEventOutput> {
    if (record.status === 'deleted' || record.status === 'rejected') {
      await this.storage.delete(event.key);
      await this.catalog.save(record);
      return { outcome: 'discarded' };
    }
    const facts = await this.storage.head(event.key);
    // Gone already: a removal overtook this event, and its own event will settle the record.
    if (facts === null) return { outcome: 'ignored' };
    if (facts.contentType !== record.contentType || facts.size < 1 || facts.size > record.declaredSize) {
      await this.storage.delete(event.key);
      await this.catalog.save({ ...record, status: 'rejected' });
      return { outcome: 'rejected' };
    }
    const image = await this.inspector.inspect(event.key);
    await this.catalog.save({
      ...record,
      status: 'ready',
      size: facts.size,
      contentType: facts.contentType,
      etag: facts.etag,
      uploadedAt: facts.lastModified,
      width: image.width,
      height: image.height,
      takenAt: image.takenAt,
    });
    return { outcome: 'ready' };
  }

  private async applyRemoved(event: StorageEvent, record: PhotoRecord): Promise<IngestStorageEventOutput> {
    const live = record.status === 'pending' || record.status === 'ready';
    // An object back at the key means a newer upload overtook this removal; its own event decides.
    const removed = live && (await this.storage.head(event.key)) === null;
    await this.catalog.save(removed ? { ...record, status: 'deleted' } : record);
    return { outcome: removed ? 'removed' : 'ignored' };
  }
}

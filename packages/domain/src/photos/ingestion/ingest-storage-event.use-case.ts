import type { Clock } from '../../shared/clock.port.js';
import type { PhotoRecord, PhotoRejectionReason } from '../photo/photo.js';
import { parsePhotoObjectKey, photoThumbnailKey } from '../photo/photo-object-key.js';
import { isSameImageType } from '../photo/photo-rules.js';
import { withOptimisticRetry } from '../../shared/optimistic-retry.js';
import type { ImageFacts, ImageInspector } from '../ports/image-inspector.port.js';
import type { ImageProcessor } from '../ports/image-processor.port.js';
import type { ObjectStorage } from '../ports/object-storage.port.js';
import type { PhotoCatalog, PhotoSnapshot } from '../ports/photo-catalog.port.js';
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
 * its intent (type differs, size outside 1..declared) or whose bytes are not the declared image type
 * (magic bytes, read by the inspector), or no image at all, is deleted and the intent marked rejected
 * with the reason. An accepted photo gets a WebP thumbnail at `thumbnails/<owner>/<id>` when the
 * processor can decode its format. An upload that lands after its intent lapsed still counts: storage
 * enforced the expiry at upload. An event without a sequencer (the local emulator sends none) cannot be
 * placed among the others, so it stands for "the key changed": the catalogue follows what storage
 * holds now (HEAD), whatever the event's kind, and a duplicate of an upload already catalogued (same
 * entity tag) changes nothing. Reordered or repeated events then cannot resurrect or lose a photo.
 */
export class IngestStorageEvent {
  constructor(
    private readonly catalog: PhotoCatalog,
    private readonly storage: ObjectStorage,
    private readonly inspector: ImageInspector,
    private readonly processor: ImageProcessor,
    private readonly clock: Clock,
  ) {}

  async execute({ event }: IngestStorageEventInput): Promise<IngestStorageEventOutput> {
    const ids = parsePhotoObjectKey(event.key);
    if (ids === null) return this.discard(event);
    return withOptimisticRetry(`photo ${ids.photoId}`, async () => {
      const from = await this.catalog.getForUpdate(ids.ownerId, ids.photoId);
      if (from === null) return this.discard(event);
      const { record } = from;
      if (event.sequencer === null) return this.applyCurrentState(event, { ...record, version: record.version + 1 }, from);
      if (record.lastSequencer !== null && compareSequencers(event.sequencer, record.lastSequencer) <= 0) {
        return { outcome: 'ignored' };
      }
      const applied = { ...record, lastSequencer: event.sequencer, version: record.version + 1 };
      return event.kind === 'created' ? this.applyCreated(event, applied, from) : this.applyRemoved(event, applied, from);
    });
  }

  /** An event with no sequencer: apply what the key holds now, as if the latest event were its kind. */
  private async applyCurrentState(event: StorageEvent, record: PhotoRecord, from: PhotoSnapshot): Promise<IngestStorageEventOutput> {
    const facts = await this.storage.head(event.key);
    if (facts === null) return this.applyRemoved({ ...event, kind: 'removed' }, record, from);
    if (record.status === 'ready' && record.etag === facts.etag) return { outcome: 'ignored' };
    return this.applyCreated({ ...event, kind: 'created' }, record, from);
  }

  private async discard(event: StorageEvent): Promise<IngestStorageEventOutput> {
    if (event.kind === 'removed') return { outcome: 'ignored' };
    await this.storage.delete(event.key);
    return { outcome: 'discarded' };
  }

  /** `record` is the next version of `from`'s, which each save passes on so the catalog need not read it again. */
  private async applyCreated(event: StorageEvent, record: PhotoRecord, from: PhotoSnapshot): Promise<IngestStorageEventOutput> {
    if (record.status === 'deleted' || record.status === 'rejected') {
      // A delete that raced this photo's ingestion may have run before its thumbnail was written.
      const thumbnail = record.status === 'deleted' ? [photoThumbnailKey(record.ownerId, record.id)] : [];
      await this.storage.delete(event.key, ...thumbnail);
      await this.catalog.save(record, from);
      return { outcome: 'discarded' };
    }
    const facts = await this.storage.head(event.key);
    // Gone already: a removal overtook this event, and its own event will settle the record.
    if (facts === null) return { outcome: 'ignored' };
    if (facts.size < 1 || facts.size > record.declaredSize) return this.reject(event, record, from, 'size_out_of_range');
    if (facts.contentType !== record.contentType) return this.reject(event, record, from, 'content_type_mismatch');
    const image = await this.inspector.inspect(event.key);
    const refusal = contentRefusal(image, facts.contentType);
    if (refusal !== null) return this.reject(event, record, from, refusal);
    const hasThumbnail = await this.writeThumbnail(event.key, record);
    await this.catalog.save(
      {
        ...record,
        status: 'ready',
        hasThumbnail,
        size: facts.size,
        contentType: facts.contentType,
        etag: facts.etag,
        uploadedAt: facts.lastModified,
        width: image.width,
        height: image.height,
        takenAt: image.takenAt,
      },
      from,
    );
    return { outcome: 'ready' };
  }

  private async reject(
    event: StorageEvent,
    record: PhotoRecord,
    from: PhotoSnapshot,
    reason: PhotoRejectionReason,
  ): Promise<IngestStorageEventOutput> {
    // A replaced upload of a ready photo may have left a thumbnail of the earlier image.
    await this.storage.delete(event.key, photoThumbnailKey(record.ownerId, record.id));
    await this.catalog.save(
      {
        ...record,
        status: 'rejected',
        rejectionReason: reason,
        rejectedAt: this.clock.now(),
        hasThumbnail: false,
      },
      from,
    );
    return { outcome: 'rejected' };
  }

  /**
   * Renders and stores the thumbnail; false when the processor cannot decode the format (HEIC), in
   * which case a thumbnail of an earlier upload to the key is removed rather than left stale.
   */
  private async writeThumbnail(key: string, record: PhotoRecord): Promise<boolean> {
    const thumbnailKey = photoThumbnailKey(record.ownerId, record.id);
    const object = await this.storage.read(key);
    const thumbnail = object === null ? null : await this.processor.thumbnail(object.bytes);
    if (thumbnail === null) {
      if (record.hasThumbnail) await this.storage.delete(thumbnailKey);
      return false;
    }
    await this.storage.put(thumbnailKey, thumbnail.bytes, thumbnail.contentType);
    return true;
  }

  private async applyRemoved(event: StorageEvent, record: PhotoRecord, from: PhotoSnapshot): Promise<IngestStorageEventOutput> {
    const live = record.status === 'pending' || record.status === 'ready';
    // An object back at the key means a newer upload overtook this removal; its own event decides.
    const removed = live && (await this.storage.head(event.key)) === null;
    if (removed) await this.storage.delete(photoThumbnailKey(record.ownerId, record.id));
    await this.catalog.save(removed ? { ...record, status: 'deleted', hasThumbnail: false } : record, from);
    return { outcome: removed ? 'removed' : 'ignored' };
  }
}

/** Why the bytes refute the declared type, or null when they are an image of that type. */
function contentRefusal(image: ImageFacts, declared: string): PhotoRejectionReason | null {
  if (image.contentType === null) return 'not_an_image';
  return isSameImageType(declared, image.contentType) ? null : 'content_type_mismatch';
}

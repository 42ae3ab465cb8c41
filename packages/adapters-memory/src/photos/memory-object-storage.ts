import { createHash } from 'node:crypto';
import type { Clock, ObjectStorage, S3EventRecord, StoredObject as StoredObjectBytes, StoredObjectFacts } from '@hdoc/domain';
import type { MemoryStorageEventQueue } from './memory-storage-event-queue.js';
import { encodeS3Key } from './s3-key-encoding.js';

interface StoredObject extends StoredObjectFacts {
  readonly bytes: Uint8Array;
}

export interface MemoryObjectStorageOptions {
  readonly clock: Clock;
  /** Where S3-shaped notifications go; without it, changes raise no events. */
  readonly events?: MemoryStorageEventQueue;
  /**
   * Only keys starting with this raise events, like the prefix filter of an S3 bucket notification
   * (the deployment filters on `photos/`, so thumbnails raise none); every key when absent.
   */
  readonly notifyPrefix?: string;
  readonly bucket?: string;
}

/**
 * The photo bucket in memory: bytes by key. Like S3 with notifications enabled, every write raises
 * an `ObjectCreated:*` record and every delete of an existing object an `ObjectRemoved:Delete` record
 * (for keys under `notifyPrefix`, when set),
 * each with a per-bucket increasing hex `sequencer` (of growing length, as S3's may be).
 */
export class MemoryObjectStorage implements ObjectStorage {
  private readonly objects = new Map<string, StoredObject>();
  private sequence = 0;
  readonly bucket: string;

  constructor(private readonly options: MemoryObjectStorageOptions) {
    this.bucket = options.bucket ?? 'hdoc-photos';
  }

  /** Stores (or replaces) an object; `eventName` says how it arrived (Put, or Post for form uploads). */
  async put(
    key: string,
    bytes: Uint8Array,
    contentType: string,
    eventName: 'ObjectCreated:Put' | 'ObjectCreated:Post' = 'ObjectCreated:Put',
  ): Promise<StoredObjectFacts> {
    const object: StoredObject = {
      bytes: Uint8Array.from(bytes),
      size: bytes.byteLength,
      contentType,
      etag: createHash('md5').update(bytes).digest('hex'),
      lastModified: this.options.clock.now(),
    };
    this.objects.set(key, object);
    this.emit(eventName, key, object);
    return this.factsOf(object);
  }

  /** The object's bytes and type, for thumbnails and for serving view URLs. */
  async read(key: string): Promise<StoredObjectBytes | null> {
    const object = this.objects.get(key);
    return object ? { bytes: Uint8Array.from(object.bytes), contentType: object.contentType } : null;
  }

  async readPrefix(key: string, maxBytes: number): Promise<Uint8Array | null> {
    const object = this.objects.get(key);
    return object ? Uint8Array.from(object.bytes.subarray(0, Math.max(0, maxBytes))) : null;
  }

  async head(key: string): Promise<StoredObjectFacts | null> {
    const object = this.objects.get(key);
    return object ? this.factsOf(object) : null;
  }

  async delete(...keys: string[]): Promise<void> {
    for (const key of keys) {
      if (!this.objects.delete(key)) continue;
      this.emit('ObjectRemoved:Delete', key, null);
    }
  }

  private factsOf(object: StoredObject): StoredObjectFacts {
    return { size: object.size, contentType: object.contentType, etag: object.etag, lastModified: object.lastModified };
  }

  private emit(eventName: string, key: string, object: StoredObject | null): void {
    this.sequence += 1;
    if (!this.options.events) return;
    if (this.options.notifyPrefix !== undefined && !key.startsWith(this.options.notifyPrefix)) return;
    const record: S3EventRecord = {
      eventName,
      eventTime: this.options.clock.now().toISOString(),
      s3: {
        bucket: { name: this.bucket },
        object: {
          key: encodeS3Key(key, true),
          ...(object && { size: object.size, eTag: object.etag }),
          sequencer: this.sequence.toString(16).toUpperCase(),
        },
      },
    };
    this.options.events.send({ Records: [record] });
  }
}

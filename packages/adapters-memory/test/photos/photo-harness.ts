import type { ImageInspector, Principal, S3EventNotification } from '@hdoc/domain';
import {
  ActionThrottle,
  DEFAULT_ACTION_LIMITS,
  DEFAULT_PHOTO_SETTINGS,
  DeletePhoto,
  GetPhoto,
  IngestStorageEvent,
  ListPhotos,
  RequestPhotoUpload,
  UpdatePhotoDetails,
  parseS3EventNotification,
} from '@hdoc/domain';
import {
  ManualClock,
  MemoryObjectStorage,
  MemoryPhotoCatalog,
  MemoryRateLimiter,
  MemoryStorageEventQueue,
  MemoryUploadUrlSigner,
  MemoryViewUrlSigner,
  SequentialIdGenerator,
} from '../../src/index.js';

export const T0 = Date.parse('2026-01-01T00:00:00.000Z');
export const MINUTE = 60_000;

export const principal = (subject: string): Principal => ({ subject, sessionId: `session-of-${subject}` });

/**
 * Test images: byte 0 = EXIF minute after T0 (0: no EXIF time), bytes 1 and 2 = width and height.
 * The fake inspector reads them back from storage, as the real one reads real images.
 */
export function fakeImage(size: number, takenMinute: number | null, width = 3, height = 2): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes[0] = takenMinute === null ? 0 : takenMinute + 1;
  if (size > 1) bytes[1] = width;
  if (size > 2) bytes[2] = height;
  return bytes;
}

export function fakeInspector(storage: MemoryObjectStorage): ImageInspector {
  return {
    async inspect(key) {
      const object = await storage.read(key);
      const bytes = object?.bytes;
      if (!bytes || bytes.length < 3) return { width: null, height: null, takenAt: null };
      const taken = bytes[0]!;
      return { width: bytes[1]!, height: bytes[2]!, takenAt: taken === 0 ? null : new Date(T0 + (taken - 1) * MINUTE) };
    },
  };
}

/** The photo catalog wired on memory adapters, with storage notifications captured for the test to deliver. */
export function photoHarness() {
  const clock = new ManualClock(T0);
  const events = new MemoryStorageEventQueue();
  const captured: S3EventNotification[] = [];
  events.subscribe(async (notification) => void captured.push(notification));
  const storage = new MemoryObjectStorage({ clock, events });
  const catalog = new MemoryPhotoCatalog();
  const secret = 'harness-secret-0123456789abcdef';
  const baseUrl = 'http://127.0.0.1:3000';
  const uploads = new MemoryUploadUrlSigner({ secret, baseUrl, clock, storage });
  const views = new MemoryViewUrlSigner({ secret, baseUrl, clock });
  const settings = DEFAULT_PHOTO_SETTINGS;
  const ingest = new IngestStorageEvent(catalog, storage, fakeInspector(storage));
  return {
    clock,
    events,
    storage,
    catalog,
    uploads,
    views,
    requestUpload: new RequestPhotoUpload(catalog, uploads, clock, new SequentialIdGenerator('ph-'), settings, new ActionThrottle(new MemoryRateLimiter(clock), DEFAULT_ACTION_LIMITS)),
    ingest,
    list: new ListPhotos(catalog),
    get: new GetPhoto(catalog, views, clock, settings),
    update: new UpdatePhotoDetails(catalog, clock),
    remove: new DeletePhoto(catalog, storage, clock),
    /** Notifications raised so far and not yet taken. */
    async takeEvents(): Promise<S3EventNotification[]> {
      await events.drained();
      return captured.splice(0);
    },
    /** Parses and ingests one notification, as the worker does. */
    async deliver(notification: S3EventNotification): Promise<string[]> {
      const outcomes: string[] = [];
      for (const event of parseS3EventNotification(notification)) {
        outcomes.push((await ingest.execute({ event })).outcome);
      }
      return outcomes;
    },
    /** Delivers every notification (including those raised while delivering) in order. */
    async deliverAll(): Promise<void> {
      for (let batch = await this.takeEvents(); batch.length > 0; batch = await this.takeEvents()) {
        for (const notification of batch) await this.deliver(notification);
      }
    },
  };
}

export type PhotoHarness = ReturnType<typeof photoHarness>;

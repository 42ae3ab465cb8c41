import type { ImageInspector, ImageProcessor, Principal, S3EventNotification } from '@hdoc/domain';
import {
  ACCEPTED_PHOTO_CONTENT_TYPES,
  PhotoViewUrls,
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

/** What the bytes of a fake image really are: the type they were stored as, another image type, or no image. */
export type FakeContent = 'as-stored' | 'not-an-image' | (typeof ACCEPTED_PHOTO_CONTENT_TYPES)[number];

const NOT_AN_IMAGE = 255;
const UNDECODABLE = 1;

/**
 * Test images: byte 0 = EXIF minute after T0 (0: no EXIF time), bytes 1 and 2 = width and height,
 * byte 3 = what the content really is (0: the stored type, 1..6: an accepted type, 255: no image),
 * byte 4 = 1 when the processor cannot decode it (as sharp cannot decode HEIC). The fake inspector
 * and processor read them back, as the real ones read real images.
 */
export function fakeImage(
  size: number,
  takenMinute: number | null,
  width = 3,
  height = 2,
  content: FakeContent = 'as-stored',
  decodable = true,
): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes[0] = takenMinute === null ? 0 : takenMinute + 1;
  if (size > 1) bytes[1] = width;
  if (size > 2) bytes[2] = height;
  if (size > 3) {
    bytes[3] =
      content === 'as-stored' ? 0 : content === 'not-an-image' ? NOT_AN_IMAGE : ACCEPTED_PHOTO_CONTENT_TYPES.indexOf(content) + 1;
  }
  if (size > 4 && !decodable) bytes[4] = UNDECODABLE;
  return bytes;
}

export function fakeInspector(storage: MemoryObjectStorage): ImageInspector {
  return {
    async inspect(key) {
      const object = await storage.read(key);
      const bytes = object?.bytes;
      if (!object || !bytes || bytes.length < 3) return { contentType: null, width: null, height: null, takenAt: null };
      const taken = bytes[0]!;
      const content = bytes[3] ?? 0;
      const contentType =
        content === 0 ? object.contentType : content === NOT_AN_IMAGE ? null : ACCEPTED_PHOTO_CONTENT_TYPES[content - 1]!;
      return { contentType, width: bytes[1]!, height: bytes[2]!, takenAt: taken === 0 ? null : new Date(T0 + (taken - 1) * MINUTE) };
    },
  };
}

/** The thumbnail the fake processor renders for an image: `thumb:` and the image's first bytes. */
export function fakeThumbnailOf(image: Uint8Array): Uint8Array {
  return Uint8Array.from([...new TextEncoder().encode('thumb:'), ...image.subarray(0, 8)]);
}

/** A processor that renders {@link fakeThumbnailOf}, or nothing for images marked undecodable. */
export const fakeProcessor: ImageProcessor = {
  async thumbnail(image) {
    if (image[4] === UNDECODABLE) return null;
    return { bytes: fakeThumbnailOf(image), contentType: 'image/webp' };
  },
};

/** A view URL signer that counts its signatures. */
export function countingSigner(signer: MemoryViewUrlSigner): MemoryViewUrlSigner & { readonly count: () => number } {
  let count = 0;
  return Object.assign(Object.create(signer) as MemoryViewUrlSigner, {
    signViewUrl: async (request: Parameters<MemoryViewUrlSigner['signViewUrl']>[0]) => {
      count += 1;
      return signer.signViewUrl(request);
    },
    count: () => count,
  });
}

/** The photo catalog wired on memory adapters, with storage notifications captured for the test to deliver. */
export function photoHarness() {
  const clock = new ManualClock(T0);
  const events = new MemoryStorageEventQueue();
  const captured: S3EventNotification[] = [];
  events.subscribe(async (notification) => void captured.push(notification));
  const storage = new MemoryObjectStorage({ clock, events, notifyPrefix: 'photos/' });
  const catalog = new MemoryPhotoCatalog();
  const secret = 'harness-secret-0123456789abcdef';
  const baseUrl = 'http://127.0.0.1:3000';
  const uploads = new MemoryUploadUrlSigner({ secret, baseUrl, clock, storage });
  const views = countingSigner(new MemoryViewUrlSigner({ secret, baseUrl, clock }));
  const settings = DEFAULT_PHOTO_SETTINGS;
  const urls = new PhotoViewUrls(views, clock, settings);
  const ingest = new IngestStorageEvent(catalog, storage, fakeInspector(storage), fakeProcessor, clock);
  return {
    clock,
    events,
    storage,
    catalog,
    uploads,
    views,
    requestUpload: new RequestPhotoUpload(catalog, uploads, clock, new SequentialIdGenerator('ph-'), settings, new ActionThrottle(new MemoryRateLimiter(clock), DEFAULT_ACTION_LIMITS)),
    ingest,
    list: new ListPhotos(catalog, urls, clock),
    get: new GetPhoto(catalog, urls, clock),
    update: new UpdatePhotoDetails(catalog, urls, clock),
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

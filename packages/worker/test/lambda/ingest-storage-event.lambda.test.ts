import { ManualClock, MemoryObjectStorageToken, MemoryStorageEventQueueToken } from '@hdoc/adapters-memory';
import { GetPhoto, NotFoundError, RequestPhotoUpload } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { INGEST_STORAGE_EVENT } from '../../src/entrypoints/index.js';
import { createWorkerLambda } from '../../src/lambda/worker-lambda.js';
import { captureLogs } from '../support/log-capture.js';
import { png } from '@hdoc/contract-tests';
import { lambdaContext, sqsEvent } from '../support/sqs-events.js';

const QUEUE = 'hdoc-dev-photo-events';
const OWNER = { subject: '0195f7a2-0000-7000-8000-000000000001', sessionId: 'sid-1' };

/** The message S3 sends to the queue when the notification is configured. */
const S3_TEST_EVENT = JSON.stringify({
  Service: 'Amazon S3',
  Event: 's3:TestEvent',
  Time: '2026-03-10T09:00:00.000Z',
  Bucket: 'hdoc-photos',
  RequestId: '5582815E1AEA5ADF',
  HostId: '8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE',
});

async function setUp() {
  const logs = captureLogs();
  const clock = new ManualClock('2026-03-10T09:00:00Z');
  // The test sets photos up through the API's use cases, in the same memory adapters.
  const entrypoint = { ...INGEST_STORAGE_EVENT, useCases: [...INGEST_STORAGE_EVENT.useCases, RequestPhotoUpload, GetPhoto] };
  const lambda = await createWorkerLambda(entrypoint, {
    environment: { ADAPTERS: 'memory', LOG_LEVEL: 'debug' },
    destination: logs.destination,
    overrides: { clock },
  });
  const { resolve } = lambda;
  const storage = resolve(MemoryObjectStorageToken);
  const notifications = resolve(MemoryStorageEventQueueToken);
  let taken = 0;
  return {
    ...lambda,
    logs,
    clock,
    storage,
    /** The S3 notifications raised since the last call, as SQS message bodies. */
    takeBodies: (): string[] => {
      const all = notifications.peek();
      const fresh = all.slice(taken);
      taken = all.length;
      return fresh.map((notification) => JSON.stringify(notification));
    },
    requestUpload: async (size: number) => {
      const intent = await resolve(RequestPhotoUpload).execute({ actor: OWNER, filename: 'sunset.png', contentType: 'image/png', size });
      return { photoId: intent.photoId, key: `photos/${OWNER.subject}/${intent.photoId}` };
    },
    photo: (photoId: string) => resolve(GetPhoto).execute({ actor: OWNER, photoId }),
    outcomes: () => logs.lines().filter((line) => line.msg === 'storage event ingested').map((line) => line.outcome),
  };
}

describe('the ingest-storage-event Lambda', () => {
  it('makes an uploaded photo ready with the facts read from storage and the image', async () => {
    const h = await setUp();
    const image = png(64, 48);
    const { photoId, key } = await h.requestUpload(image.byteLength + 100);
    h.clock.advance(5_000);
    await h.storage.put(key, image, 'image/png', 'ObjectCreated:Post');

    const response = await h.handler(sqsEvent(h.takeBodies(), QUEUE), lambdaContext);

    expect(response).toEqual({ batchItemFailures: [] });
    const photo = await h.photo(photoId);
    expect(photo).toMatchObject({
      status: 'ready',
      contentType: 'image/png',
      size: image.byteLength,
      width: 64,
      height: 48,
      takenAt: null,
      uploadedAt: new Date('2026-03-10T09:00:05Z'),
    });
    expect(photo.viewUrl).toEqual(expect.any(String));
  });

  it('ignores a duplicated notification', async () => {
    const h = await setUp();
    const { photoId, key } = await h.requestUpload(1_000);
    await h.storage.put(key, png(2, 2), 'image/png');
    const [created] = h.takeBodies();

    expect(await h.handler(sqsEvent([created!], QUEUE), lambdaContext)).toEqual({ batchItemFailures: [] });
    const first = await h.photo(photoId);
    expect(await h.handler(sqsEvent([created!], QUEUE), lambdaContext)).toEqual({ batchItemFailures: [] });

    expect(h.outcomes()).toEqual(['ready', 'ignored']);
    expect(await h.photo(photoId)).toEqual(first);
  });

  it('orders out-of-order events by sequencer: a re-upload survives its predecessor\'s late events', async () => {
    const h = await setUp();
    const { photoId, key } = await h.requestUpload(1_000);
    await h.storage.put(key, png(10, 10), 'image/png');
    await h.storage.delete(key);
    await h.storage.put(key, png(30, 20), 'image/png');
    const [created1, removed2, created3] = h.takeBodies();

    // Newest first, each in its own delivery.
    for (const body of [created3!, removed2!, created1!]) {
      expect(await h.handler(sqsEvent([body], QUEUE), lambdaContext)).toEqual({ batchItemFailures: [] });
    }

    expect(h.outcomes()).toEqual(['ready', 'ignored', 'ignored']);
    expect(await h.photo(photoId)).toMatchObject({ status: 'ready', width: 30, height: 20 });
  });

  it('removes the record when a removal overtakes the creation, and the late creation does not resurrect it', async () => {
    const h = await setUp();
    const { photoId, key } = await h.requestUpload(1_000);
    await h.storage.put(key, png(10, 10), 'image/png');
    await h.storage.delete(key);
    const [created, removed] = h.takeBodies();

    expect(await h.handler(sqsEvent([removed!, created!], QUEUE), lambdaContext)).toEqual({ batchItemFailures: [] });

    await expect(h.photo(photoId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await h.storage.head(key)).toBeNull();
  });

  it('deletes an object that no upload intent accounts for', async () => {
    const h = await setUp();
    const strangers = [`photos/${OWNER.subject}/0195f7a2-ffff-7000-8000-00000000beef`, 'uploads/elsewhere.png'];
    for (const key of strangers) await h.storage.put(key, png(4, 4), 'image/png');
    // The bucket notifies photos/ only; a notification configured without that filter would also send this.
    const [stranger] = h.takeBodies();
    const elsewhere = stranger!.replace(encodeURIComponent(strangers[0]!).replaceAll('%2F', '/'), 'uploads/elsewhere.png');
    expect(elsewhere).toContain('uploads/elsewhere.png');

    expect(await h.handler(sqsEvent([stranger!, elsewhere], QUEUE), lambdaContext)).toEqual({ batchItemFailures: [] });

    expect(h.outcomes()).toEqual(['discarded', 'discarded']);
    for (const key of strangers) expect(await h.storage.head(key)).toBeNull();
  });

  it('rejects an object whose bytes are not the declared image type, and deletes it', async () => {
    const h = await setUp();
    const html = new TextEncoder().encode('<html><body>not a photo</body></html>');
    const { photoId, key } = await h.requestUpload(html.byteLength);
    await h.storage.put(key, html, 'image/png', 'ObjectCreated:Post');

    expect(await h.handler(sqsEvent(h.takeBodies(), QUEUE), lambdaContext)).toEqual({ batchItemFailures: [] });

    expect(h.outcomes()).toEqual(['rejected']);
    expect(await h.photo(photoId)).toMatchObject({ status: 'rejected', rejectionReason: 'not_an_image' });
    expect(await h.storage.head(key)).toBeNull();
  });

  it('writes the thumbnail under thumbnails/, which sends no new notification', async () => {
    const h = await setUp();
    const image = png(1000, 500);
    const { photoId, key } = await h.requestUpload(image.byteLength);
    await h.storage.put(key, image, 'image/png', 'ObjectCreated:Post');

    expect(await h.handler(sqsEvent(h.takeBodies(), QUEUE), lambdaContext)).toEqual({ batchItemFailures: [] });

    const thumbnail = await h.storage.read(`thumbnails/${OWNER.subject}/${photoId}`);
    expect(thumbnail?.contentType).toBe('image/webp');
    expect(h.takeBodies()).toEqual([]);
    expect(await h.photo(photoId)).toMatchObject({ status: 'ready', thumbnailUrl: expect.any(String) });
  });

  it('treats the s3:TestEvent as a no-op', async () => {
    const h = await setUp();
    expect(await h.handler(sqsEvent([S3_TEST_EVENT], QUEUE), lambdaContext)).toEqual({ batchItemFailures: [] });
    expect(h.outcomes()).toEqual([]);
  });

  it('reports exactly the malformed notifications and applies the good ones of the same batch', async () => {
    const h = await setUp();
    const { photoId, key } = await h.requestUpload(1_000);
    await h.storage.put(key, png(8, 8), 'image/png');
    const [good] = h.takeBodies();
    const badSequencer = JSON.parse(good!) as { Records: { s3: { object: Record<string, unknown> } }[] };
    badSequencer.Records[0]!.s3.object.sequencer = 'not-hex';
    const notAnEvent = JSON.stringify({ Records: [{ eventName: 'ObjectRestore:Completed', s3: { secret: 'private-bits' } }] });

    const response = await h.handler(sqsEvent([JSON.stringify(badSequencer), good!, notAnEvent, 'private-bits'], QUEUE), lambdaContext);

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-1' }, { itemIdentifier: 'm-3' }, { itemIdentifier: 'm-4' }] });
    expect(await h.photo(photoId)).toMatchObject({ status: 'ready', width: 8 });
    expect(h.logs.text()).not.toContain('private-bits');
    const malformed = h.logs.lines().filter((line) => line.msg === 'malformed message');
    expect(malformed.map((line) => (line.err as { message: string }).message)).toEqual(
      expect.arrayContaining([expect.stringContaining('Records[0].s3.object.sequencer'), expect.stringContaining('Records[0].eventName')]),
    );
  });

  it('applies the records of one notification in order', async () => {
    const h = await setUp();
    const { photoId, key } = await h.requestUpload(1_000);
    await h.storage.put(key, png(8, 8), 'image/png');
    await h.storage.delete(key);
    const records = h.takeBodies().flatMap((body) => (JSON.parse(body) as { Records: unknown[] }).Records);

    expect(await h.handler(sqsEvent([JSON.stringify({ Records: records })], QUEUE), lambdaContext)).toEqual({ batchItemFailures: [] });

    expect(h.outcomes()).toEqual(['ignored', 'removed']);
    await expect(h.photo(photoId)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('the ingest-storage-event Lambda on events as moto_server sends them', () => {
  it('catalogues an upload whose event carries no sequencer, once, however often it is delivered', async () => {
    const h = await setUp();
    const { photoId, key } = await h.requestUpload(1_000);
    await h.storage.put(key, png(8, 8), 'image/png');
    const [body] = h.takeBodies();
    const withoutSequencer = JSON.parse(body!) as { Records: { s3: { object: Record<string, unknown> } }[] };
    delete withoutSequencer.Records[0]!.s3.object.sequencer;
    const twice = sqsEvent([JSON.stringify(withoutSequencer), JSON.stringify(withoutSequencer)], QUEUE);
    expect(await h.handler(twice, lambdaContext)).toEqual({ batchItemFailures: [] });
    expect(await h.photo(photoId)).toMatchObject({ status: 'ready', width: 8 });
    expect(h.outcomes().filter((outcome) => outcome === 'ready')).toHaveLength(1);
  });
});

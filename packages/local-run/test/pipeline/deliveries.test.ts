import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectCataloguedOnce, expectCatalogueFollowsStorage } from './catalogue.js';
import { usePipeline, type EventRecord, type Intent } from './pipeline.js';

// S3 delivers at least once and in any order; moto delivers each event once, in order, so the extra and
// reordered deliveries are sent to the same queue in moto's own message shape (no sequencer, keys
// URL-encoded). Everything after the queue is the real path: the worker's long-polling consumer,
// IngestStorageEvent, moto's S3 and DynamoDB Local.
const pipeline = usePipeline();

async function intents(count: number, owner = randomUUID()): Promise<Intent[]> {
  return Promise.all(Array.from({ length: count }, () => pipeline().intent(owner)));
}

const created = (intent: Intent, etag?: string): EventRecord => ({ kind: 'created', key: intent.key, size: 100, ...(etag ? { etag } : {}) });
const removed = (intent: Intent): EventRecord => ({ kind: 'removed', key: intent.key });

describe('the photo pipeline on moto and DynamoDB Local', () => {
  it('catalogues every uploaded object exactly once when its event is delivered again, concurrently and later, alone and among several records', async () => {
    const photos = await intents(6);
    await Promise.all(
      photos.map(async (photo) => {
        const { etag } = await pipeline().upload(photo.key);
        // A duplicate racing the original through the same batch of the consumer.
        await pipeline().deliver([created(photo, etag)]);
      }),
    );
    await pipeline().deliver([...photos, ...photos].map((photo) => created(photo)));
    await pipeline().drained();
    await pipeline().deliver(photos.map((photo) => created(photo)));
    await pipeline().drained();

    expect(await expectCatalogueFollowsStorage(pipeline(), photos)).toEqual(photos);
    expectCataloguedOnce(pipeline(), photos);
  });

  it('follows what storage holds now when removals and creations arrive reordered and repeated', async () => {
    const owner = randomUUID();
    const [kept, gone, early] = [await intents(3, owner), await intents(3, owner), await intents(2, owner)];
    // A removal first for objects still there: stale, storage holds them.
    for (const photo of kept) {
      await pipeline().upload(photo.key);
      await pipeline().deliver([removed(photo), removed(photo), created(photo)]);
    }
    // Uploaded then deleted (moto sends both events); their duplicates come back in reverse, then a late creation.
    for (const photo of gone) {
      await pipeline().upload(photo.key);
      await pipeline().remove(photo.key);
      await pipeline().deliver([removed(photo), created(photo), created(photo), removed(photo)]);
    }
    await pipeline().deliver(gone.map((photo) => created(photo)));
    // A removal delivered before the object even exists: whichever the worker sees first, storage and catalogue agree.
    for (const photo of early) {
      await pipeline().deliver([removed(photo)]);
      await pipeline().upload(photo.key);
      await pipeline().deliver([removed(photo), created(photo)]);
    }
    await pipeline().drained();

    const ready = await expectCatalogueFollowsStorage(pipeline(), [...kept, ...gone, ...early]);
    expect(ready).toEqual(expect.arrayContaining(kept));
    expect(ready).not.toEqual(expect.arrayContaining([gone[0]]));
    for (const photo of gone) expect((await pipeline().record(photo))?.status).toBe('deleted');
    expectCataloguedOnce(pipeline(), kept);
  });

  it('settles s3:TestEvent without touching the catalogue or the dead-letter queue', async () => {
    const before = pipeline().ingested.length;
    await pipeline().send(
      JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Time: '2026-11-30T06:00:00.000Z', Bucket: 'photos', RequestId: 'r', HostId: 'h' }),
    );
    await pipeline().drained();
    expect(pipeline().ingested.length).toBe(before);
    expect(await pipeline().deadLetters()).toBe(0);
  });

  it('decodes keys moto sends URL-encoded with `+` for spaces: an object at a key without intent is deleted, not a look-alike', async () => {
    const owner = randomUUID();
    const key = `photos/${owner}/summer holiday+1 (2).png`;
    const [photo] = await intents(1, owner);
    await pipeline().upload(key);
    await pipeline().upload(photo!.key);
    await pipeline().drained();

    expect(await pipeline().exists(key)).toBe(false);
    expect(pipeline().ingested).toContainEqual({ key, kind: 'created', outcome: 'discarded' });
    expect(await expectCatalogueFollowsStorage(pipeline(), [photo!])).toEqual([photo]);
  });
});

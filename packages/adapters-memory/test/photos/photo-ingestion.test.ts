import { NotFoundError, REJECTED_PHOTO_RETENTION_MS, type S3EventNotification } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { MemoryObjectStorage, MemoryStorageEventQueue } from '../../src/index.js';
import type { FakeContent, PhotoHarness } from './photo-harness.js';
import { fakeImage, fakeThumbnailOf, photoHarness, principal } from './photo-harness.js';

const alice = principal('alice');

async function upload(h: PhotoHarness, contentType: string, bytes: Uint8Array) {
  const intent = await h.requestUpload.execute({ actor: alice, filename: 'a', contentType, size: bytes.byteLength });
  await h.uploads.acceptUpload({ fields: intent.upload.fields, file: { bytes } });
  await h.deliverAll();
  return { photoId: intent.photoId, key: intent.upload.fields.key!, thumbnailKey: `thumbnails/alice/${intent.photoId}` };
}

describe('ingestion checks what the stored bytes are', () => {
  const refused: [string, FakeContent, string][] = [
    ['bytes that are no image', 'not-an-image', 'not_an_image'],
    ['another image type than declared', 'image/gif', 'content_type_mismatch'],
  ];
  for (const [what, content, reason] of refused) {
    it(`rejects ${what}, deletes the object and says why`, async () => {
      const h = photoHarness();
      const { photoId, key, thumbnailKey } = await upload(h, 'image/jpeg', fakeImage(50, null, 3, 2, content));
      expect(await h.storage.head(key)).toBeNull();
      expect(await h.storage.head(thumbnailKey)).toBeNull();
      expect(await h.get.execute({ actor: alice, photoId })).toMatchObject({
        status: 'rejected',
        rejectionReason: reason,
        viewUrl: null,
        thumbnailUrl: null,
      });
    });
  }

  it('takes a HEIC whose magic says HEIF (one family) and any real image of the declared type', async () => {
    const h = photoHarness();
    const heic = await upload(h, 'image/heic', fakeImage(50, null, 3, 2, 'image/heif'));
    const png = await upload(h, 'image/png', fakeImage(50, null, 3, 2, 'image/png'));
    expect(await h.get.execute({ actor: alice, photoId: heic.photoId })).toMatchObject({ status: 'ready', rejectionReason: null });
    expect(await h.get.execute({ actor: alice, photoId: png.photoId })).toMatchObject({ status: 'ready' });
  });

  it('keeps a rejected photo visible for a week after its rejection, then it is gone', async () => {
    const h = photoHarness();
    const { photoId } = await upload(h, 'image/png', fakeImage(50, null, 3, 2, 'not-an-image'));
    h.clock.advance(REJECTED_PHOTO_RETENTION_MS - 1);
    expect(await h.get.execute({ actor: alice, photoId })).toMatchObject({ status: 'rejected' });
    h.clock.advance(1);
    await expect(h.get.execute({ actor: alice, photoId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(h.remove.execute({ actor: alice, photoId })).rejects.toBeInstanceOf(NotFoundError);
    expect((await h.list.execute({ actor: alice, status: 'rejected' })).items).toEqual([]);
    // The list pruned it from the store.
    expect(await h.catalog.get('alice', photoId)).toBeNull();
  });
});

describe('thumbnails', () => {
  it('writes one WebP thumbnail under thumbnails/<owner>/<id>, which raises no storage event', async () => {
    const h = photoHarness();
    const image = fakeImage(50, null);
    const { photoId, thumbnailKey } = await upload(h, 'image/png', image);
    expect(await h.storage.read(thumbnailKey)).toEqual({ bytes: fakeThumbnailOf(image), contentType: 'image/webp' });
    // deliverAll ran until storage went quiet: the thumbnail write sent nothing to the worker.
    expect(await h.takeEvents()).toEqual([]);
    const photo = await h.get.execute({ actor: alice, photoId });
    expect(photo.thumbnailUrl).toContain(`/local-objects/${thumbnailKey}?`);
    expect(photo.thumbnailUrl).not.toBe(photo.viewUrl);
  });

  it('gives no thumbnail to an image the processor cannot decode (HEIC), and the photo is still ready', async () => {
    const h = photoHarness();
    const { photoId, thumbnailKey } = await upload(h, 'image/heic', fakeImage(50, null, 3, 2, 'as-stored', false));
    expect(await h.storage.head(thumbnailKey)).toBeNull();
    expect(await h.get.execute({ actor: alice, photoId })).toMatchObject({ status: 'ready', thumbnailUrl: null, viewUrl: expect.any(String) });
  });

  it('is deleted with its photo', async () => {
    const h = photoHarness();
    const { photoId, key, thumbnailKey } = await upload(h, 'image/png', fakeImage(50, null));
    expect(await h.storage.head(thumbnailKey)).not.toBeNull();
    await h.remove.execute({ actor: alice, photoId });
    expect(await h.storage.head(key)).toBeNull();
    expect(await h.storage.head(thumbnailKey)).toBeNull();
  });

  it('is removed when a later upload to the key is rejected or removed from storage', async () => {
    const h = photoHarness();
    const { key, thumbnailKey } = await upload(h, 'image/png', fakeImage(50, null));
    await h.storage.put(key, fakeImage(50, null, 3, 2, 'not-an-image'), 'image/png');
    await h.deliverAll();
    expect(await h.storage.head(thumbnailKey)).toBeNull();
    const second = await upload(h, 'image/png', fakeImage(50, null));
    await h.storage.delete(second.key);
    await h.deliverAll();
    expect(await h.storage.head(second.thumbnailKey)).toBeNull();
  });
});

describe('MemoryObjectStorage notifications', () => {
  it('raise events only for keys under notifyPrefix, like a filtered bucket notification', async () => {
    const events = new MemoryStorageEventQueue();
    const keys: string[] = [];
    events.subscribe(async (n) => void keys.push(...n.Records.map((r) => r.s3.object.key)));
    const storage = new MemoryObjectStorage({ clock: { now: () => new Date() }, events, notifyPrefix: 'photos/' });
    await storage.put('thumbnails/alice/p1', Uint8Array.of(1), 'image/webp');
    await storage.put('photos/alice/p1', Uint8Array.of(1), 'image/png');
    await storage.delete('thumbnails/alice/p1');
    await events.drained();
    expect(keys).toEqual(['photos/alice/p1']);
  });
});

describe('events without a sequencer (moto_server sends none) follow what storage holds now', () => {
  /** The notifications as moto sends them: the same records without `sequencer`. */
  function withoutSequencers(notification: S3EventNotification): S3EventNotification {
    return {
      Records: notification.Records.map((record) => {
        // eslint-disable-next-line @typescript-eslint/no-unused-vars
        const { sequencer, ...object } = record.s3.object;
        return { ...record, s3: { ...record.s3, object } };
      }),
    };
  }

  async function uploadWithoutSequencers(h: PhotoHarness, image: Uint8Array) {
    const intent = await h.requestUpload.execute({ actor: alice, filename: 'a', contentType: 'image/png', size: image.byteLength });
    await h.uploads.acceptUpload({ fields: intent.upload.fields, file: { bytes: image } });
    return { photoId: intent.photoId, key: intent.upload.fields.key!, created: (await h.takeEvents()).map(withoutSequencers) };
  }

  it('catalogues an upload once: a duplicate created event changes nothing', async () => {
    const h = photoHarness();
    const { photoId, created } = await uploadWithoutSequencers(h, fakeImage(50, null));
    expect(await h.deliver(created[0]!)).toEqual(['ready']);
    const first = await h.catalog.get('alice', photoId);
    expect(await h.deliver(created[0]!)).toEqual(['ignored']);
    expect(await h.catalog.get('alice', photoId)).toEqual(first);
  });

  it('a created event delivered after the object was removed does not resurrect the photo', async () => {
    const h = photoHarness();
    const { photoId, key, created } = await uploadWithoutSequencers(h, fakeImage(50, null));
    await h.deliver(created[0]!);
    await h.storage.delete(key);
    const removed = (await h.takeEvents()).map(withoutSequencers);
    // Out of order: the removal first, then the stale creation, then the creation again.
    expect(await h.deliver(removed[0]!)).toEqual(['removed']);
    expect(await h.deliver(created[0]!)).toEqual(['ignored']);
    expect((await h.catalog.get('alice', photoId))?.status).toBe('deleted');
  });

  it('a removed event delivered while the object is there (a newer upload overtook it) keeps the photo', async () => {
    const h = photoHarness();
    const { photoId, key, created } = await uploadWithoutSequencers(h, fakeImage(50, null));
    // The removal of some earlier object at the key arrives before the creation it predates.
    const staleRemoval: S3EventNotification = {
      Records: [{ eventName: 'ObjectRemoved:Delete', s3: { bucket: { name: 'photos' }, object: { key } } }],
    };
    expect(await h.deliver(staleRemoval)).toEqual(['ready']);
    expect(await h.deliver(created[0]!)).toEqual(['ignored']);
    expect((await h.catalog.get('alice', photoId))?.status).toBe('ready');
  });
});

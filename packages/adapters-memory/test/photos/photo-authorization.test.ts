import { NotFoundError } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { fakeImage, photoHarness, principal } from './photo-harness.js';

const alice = principal('alice');
const bob = principal('bob');

/** Alice's photos in every stored state: pending, ready, rejected, deleted. */
async function alicesPhotos() {
  const h = photoHarness();
  const intent = (filename: string) =>
    h.requestUpload.execute({ actor: alice, filename, contentType: 'image/png', size: 10 });
  const pending = await intent('pending.png');
  const ready = await intent('ready.png');
  const rejected = await intent('rejected.png');
  const deleted = await intent('deleted.png');
  await h.uploads.acceptUpload({ fields: ready.upload.fields, file: { bytes: fakeImage(5, 1) } });
  await h.storage.put(rejected.upload.fields.key!, fakeImage(50, null), 'image/png');
  await h.uploads.acceptUpload({ fields: deleted.upload.fields, file: { bytes: fakeImage(5, 1) } });
  await h.deliverAll();
  await h.remove.execute({ actor: alice, photoId: deleted.photoId });
  await h.deliverAll();
  await h.update.execute({ actor: alice, photoId: ready.photoId, tags: ['shared-tag'] });
  const ids = [pending, ready, rejected, deleted].map((p) => p.photoId);
  expect((await Promise.all(ids.map((id) => h.catalog.get('alice', id)))).map((r) => r?.status)).toEqual([
    'pending',
    'ready',
    'rejected',
    'deleted',
  ]);
  return { h, ids };
}

async function snapshot(h: ReturnType<typeof photoHarness>, ids: string[]) {
  return {
    records: await Promise.all(ids.map((id) => h.catalog.get('alice', id))),
    objects: await Promise.all(ids.map((id) => h.storage.head(`photos/alice/${id}`))),
  };
}

describe('photo authorization: another owner is told not_found and changes nothing', () => {
  it('get, update and delete answer NotFoundError("photo") for every one of alice\'s photos', async () => {
    const { h, ids } = await alicesPhotos();
    const before = await snapshot(h, ids);
    for (const photoId of ids) {
      const attempts = [
        h.get.execute({ actor: bob, photoId }),
        h.update.execute({ actor: bob, photoId, title: 'mine now', tags: ['x'], metadata: { a: 'b' } }),
        h.update.execute({ actor: bob, photoId }),
        h.remove.execute({ actor: bob, photoId }),
      ];
      for (const attempt of attempts) {
        await expect(attempt).rejects.toEqual(new NotFoundError('photo'));
      }
    }
    expect(await snapshot(h, ids)).toEqual(before);
    expect(h.events.peek()).toEqual([]);
    expect(await h.takeEvents()).toEqual([]);
  });

  it('answers exactly as for an id that never existed', async () => {
    const { h, ids } = await alicesPhotos();
    const outcome = async (run: () => Promise<unknown>) => run().then(
      () => 'ok',
      (error: unknown) => (error instanceof NotFoundError ? `${error.code}:${error.message}` : String(error)),
    );
    for (const photoId of [ids[1]!, 'no-such-photo']) {
      expect(await outcome(() => h.get.execute({ actor: bob, photoId }))).toBe('not_found:photo not found');
      expect(await outcome(() => h.remove.execute({ actor: bob, photoId }))).toBe('not_found:photo not found');
      expect(await outcome(() => h.update.execute({ actor: bob, photoId, title: 't' }))).toBe(
        'not_found:photo not found',
      );
    }
  });

  it('lists only the actor\'s own photos, whatever the filter', async () => {
    const { h } = await alicesPhotos();
    expect((await h.list.execute({ actor: bob })).items).toEqual([]);
    expect((await h.list.execute({ actor: bob, tag: 'shared-tag' })).items).toEqual([]);
    expect((await h.list.execute({ actor: alice, tag: 'shared-tag' })).items).toHaveLength(1);
  });

  it('a cursor from alice\'s list shows bob nothing of alice\'s', async () => {
    const { h } = await alicesPhotos();
    for (let i = 0; i < 3; i += 1) {
      const intent = await h.requestUpload.execute({ actor: alice, filename: `${i}.png`, contentType: 'image/png', size: 9 });
      await h.uploads.acceptUpload({ fields: intent.upload.fields, file: { bytes: fakeImage(5, 1) } });
    }
    await h.deliverAll();
    const page = await h.list.execute({ actor: alice, limit: 1 });
    const bobs = await h.list.execute({ actor: bob, limit: 1, cursor: page.nextCursor });
    expect(bobs).toEqual({ items: [], nextCursor: null });
  });
});

import { photoRecord } from '@hdoc/contract-tests';
import { DEFAULT_PHOTO_SETTINGS, PhotoViewUrls, ValidationError } from '@hdoc/domain';
import { ManualClock } from '../../src/shared/manual-clock.js';
import { MemoryViewUrlSigner } from '../../src/photos/memory-view-url-signer.js';
import { describe, expect, it } from 'vitest';
import type { PhotoHarness } from './photo-harness.js';
import { MINUTE, fakeImage, photoHarness, principal } from './photo-harness.js';

const alice = principal('alice');

async function request(h: PhotoHarness, filename: string) {
  return h.requestUpload.execute({ actor: alice, filename, contentType: 'image/png', size: 50 });
}

async function uploadReady(h: PhotoHarness, filename: string): Promise<string> {
  const intent = await request(h, filename);
  await h.uploads.acceptUpload({ fields: intent.upload.fields, file: { bytes: fakeImage(50, null) } });
  await h.deliverAll();
  return intent.photoId;
}

describe('photo lists by status', () => {
  it('lists ready photos by default, pending and rejected ones on request, newest first whatever the sort', async () => {
    const h = photoHarness();
    const ready = await uploadReady(h, 'z.png');
    h.clock.advance(MINUTE);
    const olderPending = (await request(h, 'a.png')).photoId;
    h.clock.advance(MINUTE);
    const newerPending = (await request(h, 'b.png')).photoId;
    const bad = await request(h, 'c.png');
    await h.uploads.acceptUpload({ fields: bad.upload.fields, file: { bytes: fakeImage(50, null, 3, 2, 'not-an-image') } });
    await h.deliverAll();
    const ids = async (input: object) => (await h.list.execute({ actor: alice, ...input })).items.map((p) => p.id);
    expect(await ids({})).toEqual([ready]);
    expect(await ids({ status: 'ready' })).toEqual([ready]);
    for (const sort of ['filename', 'size', 'taken_at', 'uploaded_at']) {
      for (const order of ['asc', 'desc']) {
        expect(await ids({ status: 'pending', sort, order })).toEqual([newerPending, olderPending]);
      }
    }
    const rejected = await h.list.execute({ actor: alice, status: 'rejected' });
    expect(rejected.items).toMatchObject([{ id: bad.photoId, status: 'rejected', rejectionReason: 'not_an_image', viewUrl: null, thumbnailUrl: null }]);
    // Lapsed intents leave the pending list.
    h.clock.advance(15 * MINUTE);
    expect(await ids({ status: 'pending' })).toEqual([]);
  });

  it('pages a pending list by cursor, and a cursor belongs to its status', async () => {
    const h = photoHarness();
    const all: string[] = [];
    for (let i = 0; i < 5; i += 1) all.unshift((await request(h, `p${i}.png`)).photoId);
    const first = await h.list.execute({ actor: alice, status: 'pending', limit: 2 });
    const second = await h.list.execute({ actor: alice, status: 'pending', limit: 2, cursor: first.nextCursor });
    const third = await h.list.execute({ actor: alice, status: 'pending', limit: 2, cursor: second.nextCursor });
    expect([...first.items, ...second.items, ...third.items].map((p) => p.id)).toEqual(all);
    expect(third.nextCursor).toBeNull();
    await expect(h.list.execute({ actor: alice, status: 'rejected', limit: 2, cursor: first.nextCursor })).rejects.toMatchObject({ field: 'cursor' });
  });

  it('refuses an unknown status and an uploaded_at range on pending or rejected lists', async () => {
    const h = photoHarness();
    await expect(h.list.execute({ actor: alice, status: 'deleted' })).rejects.toMatchObject({ field: 'status' });
    await expect(h.list.execute({ actor: alice, status: ['ready'] })).rejects.toBeInstanceOf(ValidationError);
    await expect(h.list.execute({ actor: alice, status: 'pending', from: new Date(0) })).rejects.toMatchObject({ field: 'from' });
    await expect(h.list.execute({ actor: alice, status: 'rejected', to: new Date(0) })).rejects.toMatchObject({ field: 'to' });
  });
});

describe('view and thumbnail URLs in lists', () => {
  it('carries the same URLs as a single read, signed once per cache window', async () => {
    const h = photoHarness();
    const ids = [await uploadReady(h, 'a.png'), await uploadReady(h, 'b.png')];
    const signedBefore = h.views.count();
    const page = await h.list.execute({ actor: alice });
    expect(h.views.count() - signedBefore).toBe(4);
    for (const item of page.items) {
      const single = await h.get.execute({ actor: alice, photoId: item.id });
      expect(item.viewUrl).toBe(single.viewUrl);
      expect(item.thumbnailUrl).toBe(single.thumbnailUrl);
      expect(item.viewUrl).toContain(`/local-objects/photos/alice/${item.id}?`);
      expect(item.thumbnailUrl).toContain(`/local-objects/thumbnails/alice/${item.id}?`);
    }
    expect(new Set(page.items.map((p) => p.id))).toEqual(new Set(ids));
    // Same window: identical URLs, nothing signed again.
    h.clock.advance(10 * MINUTE);
    const again = await h.list.execute({ actor: alice });
    expect(again.items).toEqual(page.items);
    expect(h.views.count() - signedBefore).toBe(4);
    // Next window: new URLs, each signed once more.
    h.clock.advance(5 * MINUTE);
    const next = await h.list.execute({ actor: alice });
    expect(next.items[0]!.viewUrl).not.toBe(page.items[0]!.viewUrl);
    expect(h.views.count() - signedBefore).toBe(8);
  });

  it('keeps one cached URL per base URL, so a client never gets a URL made for another host', async () => {
    const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
    let host = 'http://localhost:3000';
    const signer = new MemoryViewUrlSigner({ secret: 'harness-secret-0123456789abcdef', baseUrl: () => host, clock });
    const urls = new PhotoViewUrls(signer, clock, DEFAULT_PHOTO_SETTINGS);
    const record = photoRecord({ id: 'p1', ownerId: 'alice', status: 'ready' });
    const first = await urls.urlsOf(record);
    host = 'http://192.168.1.20:3000';
    const second = await urls.urlsOf(record);
    expect(first.viewUrl).toMatch(/^http:\/\/localhost:3000\/local-objects\/photos\/alice\/p1\?/u);
    expect(second.viewUrl).toMatch(/^http:\/\/192\.168\.1\.20:3000\/local-objects\/photos\/alice\/p1\?/u);
    host = 'http://localhost:3000';
    expect(await urls.urlsOf(record)).toEqual(first);
  });
});

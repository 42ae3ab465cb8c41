import { NotFoundError, PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { MINUTE, T0, fakeImage, photoHarness, principal } from './photo-harness.js';

const alice = principal('alice');

async function readyPhoto(h = photoHarness(), size = 100, takenMinute: number | null = 5) {
  const intent = await h.requestUpload.execute({ actor: alice, filename: 'Beach.JPG', contentType: 'image/jpeg', size });
  await h.uploads.acceptUpload({ fields: intent.upload.fields, file: { bytes: fakeImage(size, takenMinute, 40, 30) } });
  await h.deliverAll();
  return { h, intent };
}

describe('photo upload and ingestion on memory adapters', () => {
  it('issues a presigned target pinned to photos/<owner>/<id>, never the filename', async () => {
    const h = photoHarness();
    const out = await h.requestUpload.execute({
      actor: alice,
      filename: '../../etc/passwd.png',
      contentType: 'image/png',
      size: 2048,
    });
    expect(out.photoId).toBe('ph-000000000001');
    expect(out.expiresAt).toEqual(new Date(T0 + 15 * MINUTE));
    expect(out.upload.url).toBe('http://127.0.0.1:3000/local-uploads');
    expect(out.upload.fields).toMatchObject({
      key: 'photos/alice/ph-000000000001',
      'Content-Type': 'image/png',
      'x-hdoc-max-size': '2048',
      'x-hdoc-expires': String((T0 + 15 * MINUTE) / 1000),
    });
    const photo = await h.get.execute({ actor: alice, photoId: out.photoId });
    expect(photo).toMatchObject({ status: 'pending', filename: '../../etc/passwd.png', size: 2048, viewUrl: null });
  });

  it('refuses bad declarations and stores nothing', async () => {
    const h = photoHarness();
    const attempt = (overrides: Record<string, unknown>) =>
      h.requestUpload.execute({ actor: alice, filename: 'a.png', contentType: 'image/png', size: 10, ...overrides });
    await expect(attempt({ contentType: 'image/svg+xml' })).rejects.toBeInstanceOf(UnsupportedMediaTypeError);
    await expect(attempt({ contentType: 'IMAGE/PNG' })).rejects.toBeInstanceOf(UnsupportedMediaTypeError);
    await expect(attempt({ size: 20 * 1024 * 1024 + 1 })).rejects.toBeInstanceOf(PayloadTooLargeError);
    await expect(attempt({ size: 0 })).rejects.toMatchObject({ field: 'size' });
    await expect(attempt({ size: 1.5 })).rejects.toMatchObject({ field: 'size' });
    await expect(attempt({ filename: '' })).rejects.toMatchObject({ field: 'filename' });
    await expect(attempt({ filename: 'x'.repeat(256) })).rejects.toMatchObject({ field: 'filename' });
    await expect(attempt({ filename: 'a\nb.png' })).rejects.toMatchObject({ field: 'filename' });
    expect(await attempt({ size: 20 * 1024 * 1024, filename: '😀'.repeat(255) })).toMatchObject({ photoId: expect.any(String) });
    expect(await h.catalog.get('alice', 'ph-000000000001')).toMatchObject({ id: 'ph-000000000001' });
    expect(await h.catalog.get('alice', 'ph-000000000002')).toBeNull();
  });

  it('catalogues an upload with the facts read from storage and the image', async () => {
    const { h, intent } = await readyPhoto(undefined, 100, 5);
    const photo = await h.get.execute({ actor: alice, photoId: intent.photoId });
    expect(photo).toMatchObject({
      status: 'ready',
      filename: 'Beach.JPG',
      contentType: 'image/jpeg',
      size: 100,
      width: 40,
      height: 30,
      takenAt: new Date(T0 + 5 * MINUTE),
      uploadedAt: new Date(T0),
    });
  });

  it('uses the stored size, not the declared one', async () => {
    const h = photoHarness();
    const intent = await h.requestUpload.execute({ actor: alice, filename: 'a.gif', contentType: 'image/gif', size: 500 });
    await h.uploads.acceptUpload({ fields: intent.upload.fields, file: { bytes: fakeImage(120, null) } });
    await h.deliverAll();
    expect(await h.get.execute({ actor: alice, photoId: intent.photoId })).toMatchObject({ status: 'ready', size: 120 });
  });

  it('rejects an object that breaks its intent and deletes it from storage', async () => {
    const h = photoHarness();
    const intent = await h.requestUpload.execute({ actor: alice, filename: 'a.png', contentType: 'image/png', size: 10 });
    const key = intent.upload.fields.key!;
    await h.storage.put(key, fakeImage(11, null), 'image/png');
    await h.deliverAll();
    expect(await h.storage.head(key)).toBeNull();
    expect(await h.get.execute({ actor: alice, photoId: intent.photoId })).toMatchObject({ status: 'rejected' });
    expect((await h.list.execute({ actor: alice })).items).toEqual([]);

    const other = await h.requestUpload.execute({ actor: alice, filename: 'b.png', contentType: 'image/png', size: 10 });
    await h.storage.put(other.upload.fields.key!, fakeImage(5, null), 'image/jpeg');
    await h.deliverAll();
    expect(await h.get.execute({ actor: alice, photoId: other.photoId })).toMatchObject({ status: 'rejected' });
  });

  it('deletes objects that have no intent', async () => {
    const h = photoHarness();
    await h.storage.put('photos/alice/unknown', fakeImage(3, null), 'image/png');
    await h.storage.put('elsewhere/x.png', fakeImage(3, null), 'image/png');
    // Storage notifies photos/ only; a bucket notified of every key would send this for the other.
    const [first] = await h.takeEvents();
    const record = first!.Records[0]!;
    const elsewhere = { Records: [{ ...record, s3: { ...record.s3, object: { ...record.s3.object, key: 'elsewhere/x.png' } } }] };
    expect(await h.deliver(first!)).toEqual(['discarded']);
    expect(await h.deliver(elsewhere)).toEqual(['discarded']);
    expect(await h.storage.head('photos/alice/unknown')).toBeNull();
    expect(await h.storage.head('elsewhere/x.png')).toBeNull();
  });

  it('is idempotent and ignores stale events, even across sequencer lengths', async () => {
    const h = photoHarness();
    // Push the sequencer to 0xF so the next events are 0x10, 0x11...: longer, yet newer.
    for (let i = 0; i < 15; i += 1) await h.storage.put(`warmup/${i}`, fakeImage(1, null), 'image/png');
    await h.takeEvents();
    const intent = await h.requestUpload.execute({ actor: alice, filename: 'a.png', contentType: 'image/png', size: 50 });
    const fields = intent.upload.fields;
    await h.uploads.acceptUpload({ fields, file: { bytes: fakeImage(10, 1) } });
    h.clock.advance(MINUTE);
    await h.uploads.acceptUpload({ fields, file: { bytes: fakeImage(20, 2) } });
    const [older, newer] = await h.takeEvents();
    expect(older!.Records[0]!.s3.object.sequencer).toBe('10');
    expect(await h.deliver(newer!)).toEqual(['ready']);
    expect(await h.deliver(newer!)).toEqual(['ignored']);
    expect(await h.deliver(older!)).toEqual(['ignored']);
    expect(await h.get.execute({ actor: alice, photoId: intent.photoId })).toMatchObject({
      size: 20,
      takenAt: new Date(T0 + 2 * MINUTE),
      uploadedAt: new Date(T0 + MINUTE),
    });
  });

  it('does not let a late ObjectCreated resurrect a removed photo', async () => {
    const h = photoHarness();
    const intent = await h.requestUpload.execute({ actor: alice, filename: 'a.png', contentType: 'image/png', size: 50 });
    const key = intent.upload.fields.key!;
    await h.uploads.acceptUpload({ fields: intent.upload.fields, file: { bytes: fakeImage(10, null) } });
    await h.storage.delete(key);
    const [created, removed] = await h.takeEvents();
    expect(await h.deliver(removed!)).toEqual(['removed']);
    expect(await h.deliver(created!)).toEqual(['ignored']);
    await expect(h.get.execute({ actor: alice, photoId: intent.photoId })).rejects.toBeInstanceOf(NotFoundError);
    // The still-valid target cannot bring it back either: the new object is discarded.
    await h.uploads.acceptUpload({ fields: intent.upload.fields, file: { bytes: fakeImage(10, null) } });
    await h.deliverAll();
    expect(await h.storage.head(key)).toBeNull();
    await expect(h.get.execute({ actor: alice, photoId: intent.photoId })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps a photo whose removal was overtaken by a newer upload to the same key', async () => {
    const h = photoHarness();
    const intent = await h.requestUpload.execute({ actor: alice, filename: 'a.png', contentType: 'image/png', size: 50 });
    const key = intent.upload.fields.key!;
    await h.uploads.acceptUpload({ fields: intent.upload.fields, file: { bytes: fakeImage(10, null) } });
    await h.storage.delete(key);
    await h.uploads.acceptUpload({ fields: intent.upload.fields, file: { bytes: fakeImage(30, null) } });
    const [first, removed, last] = await h.takeEvents();
    expect(await h.deliver(removed!)).toEqual(['ignored']);
    expect(await h.deliver(first!)).toEqual(['ignored']);
    expect(await h.deliver(last!)).toEqual(['ready']);
    expect(await h.get.execute({ actor: alice, photoId: intent.photoId })).toMatchObject({ status: 'ready', size: 30 });
  });

  it('hides lapsed intents but still catalogues an upload storage accepted in time', async () => {
    const h = photoHarness();
    const lapsed = await h.requestUpload.execute({ actor: alice, filename: 'a.png', contentType: 'image/png', size: 50 });
    const late = await h.requestUpload.execute({ actor: alice, filename: 'b.png', contentType: 'image/png', size: 50 });
    await h.uploads.acceptUpload({ fields: late.upload.fields, file: { bytes: fakeImage(10, null) } });
    h.clock.advance(15 * MINUTE);
    await expect(h.get.execute({ actor: alice, photoId: lapsed.photoId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      h.uploads.acceptUpload({ fields: lapsed.upload.fields, file: { bytes: fakeImage(10, null) } }),
    ).rejects.toMatchObject({ reason: 'expired' });
    await h.deliverAll();
    expect((await h.list.execute({ actor: alice })).items.map((p) => p.id)).toEqual([late.photoId]);
  });

  it('hands out one view URL per cache window, and it serves the bytes', async () => {
    const { h, intent } = await readyPhoto();
    const first = (await h.get.execute({ actor: alice, photoId: intent.photoId })).viewUrl!;
    h.clock.advance(14 * MINUTE);
    expect((await h.get.execute({ actor: alice, photoId: intent.photoId })).viewUrl).toBe(first);
    h.clock.advance(MINUTE);
    const next = (await h.get.execute({ actor: alice, photoId: intent.photoId })).viewUrl!;
    expect(next).not.toBe(first);
    const url = new URL(next);
    const key = decodeURIComponent(url.pathname.slice('/local-objects/'.length));
    const request = { key, expires: url.searchParams.get('expires')!, signature: url.searchParams.get('signature')! };
    expect(h.views.verifyViewRequest(request)).toBe('valid');
    expect(h.views.verifyViewRequest({ ...request, key: 'photos/alice/other' })).toBe('invalid');
    expect(h.views.verifyViewRequest({ ...request, expires: String(Number(request.expires) + 60) })).toBe('invalid');
    h.clock.advance(15 * MINUTE);
    expect(h.views.verifyViewRequest(request)).toBe('valid');
    h.clock.advance(15 * MINUTE);
    expect(h.views.verifyViewRequest(request)).toBe('expired');
  });

  it('updates details with normalised tags and replaces metadata', async () => {
    const { h, intent } = await readyPhoto();
    const updated = await h.update.execute({
      actor: alice,
      photoId: intent.photoId,
      title: 'Sunset',
      tags: [' Beach ', 'beach', 'SUN', 'été'],
      metadata: { camera: 'x100', lens_mm: '23' },
    });
    expect(updated).toMatchObject({ title: 'Sunset', description: null, tags: ['beach', 'sun', 'été'] });
    const again = await h.update.execute({ actor: alice, photoId: intent.photoId, description: 'Evening', title: null });
    expect(again).toMatchObject({ title: null, description: 'Evening', tags: ['beach', 'sun', 'été'] });
    expect((await h.list.execute({ actor: alice, tag: 'SUN ' })).items.map((p) => p.id)).toEqual([intent.photoId]);
    expect((await h.list.execute({ actor: alice, tag: 'moon' })).items).toEqual([]);
  });

  it('refuses invalid details and changes nothing', async () => {
    const { h, intent } = await readyPhoto();
    const before = await h.catalog.get('alice', intent.photoId);
    const attempt = (changes: Record<string, unknown>) =>
      h.update.execute({ actor: alice, photoId: intent.photoId, title: 'ok', ...changes });
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ description: 'x'.repeat(2001) }, 'description'],
      [{ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
      [{ tags: ['ok', '  '] }, 'tags[1]'],
      [{ tags: ['ok', 'x'.repeat(51)] }, 'tags[1]'],
      [{ tags: 'beach' }, 'tags'],
      [{ metadata: { 'Bad Key': 'v' } }, 'metadata'],
      [{ metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])) }, 'metadata'],
      [{ metadata: { k: 'x'.repeat(257) } }, 'metadata.k'],
      [{ metadata: { k: 1 } }, 'metadata.k'],
      [{ metadata: ['v'] }, 'metadata'],
    ];
    for (const [changes, field] of cases) {
      await expect(attempt(changes)).rejects.toEqual(expect.objectContaining({ field }));
      await expect(attempt(changes)).rejects.toBeInstanceOf(ValidationError);
    }
    expect(await h.catalog.get('alice', intent.photoId)).toEqual(before);
  });

  it('deletes the object and the record; deleting again is harmless', async () => {
    const { h, intent } = await readyPhoto();
    const key = intent.upload.fields.key!;
    expect(await h.remove.execute({ actor: alice, photoId: intent.photoId })).toEqual({ deleted: true });
    expect(await h.storage.head(key)).toBeNull();
    await expect(h.get.execute({ actor: alice, photoId: intent.photoId })).rejects.toBeInstanceOf(NotFoundError);
    expect((await h.list.execute({ actor: alice })).items).toEqual([]);
    expect(await h.remove.execute({ actor: alice, photoId: intent.photoId })).toEqual({ deleted: false });
    await h.deliverAll();
    await expect(h.get.execute({ actor: alice, photoId: intent.photoId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(h.remove.execute({ actor: alice, photoId: 'never-existed' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('validates list parameters and cursors', async () => {
    const { h } = await readyPhoto();
    await readyPhoto(h);
    const page = await h.list.execute({ actor: alice, limit: 1, sort: 'size', order: 'asc' });
    expect(page.items).toHaveLength(1);
    const cursor = page.nextCursor!;
    expect(cursor).toEqual(expect.any(String));
    expect((await h.list.execute({ actor: alice, limit: 1, sort: 'size', order: 'asc', cursor })).nextCursor).toBeNull();
    const bad = async (input: Record<string, unknown>, field: string) =>
      expect(h.list.execute({ actor: alice, ...input })).rejects.toMatchObject({ field });
    await bad({ sort: 'size', order: 'desc', cursor }, 'cursor');
    await bad({ sort: 'filename', order: 'asc', cursor }, 'cursor');
    await bad({ sort: 'size', order: 'asc', tag: 'x', cursor }, 'cursor');
    await bad({ sort: 'size', order: 'asc', cursor: `${cursor}x` }, 'cursor');
    await bad({ cursor: 'not-a-cursor!' }, 'cursor');
    await bad({ sort: 'name' }, 'sort');
    await bad({ order: 'up' }, 'order');
    await bad({ limit: 0 }, 'limit');
    await bad({ limit: 101 }, 'limit');
    // A filter value is bad input (400), not an unsupported upload (415).
    await expect(h.list.execute({ actor: alice, contentType: 'text/plain' })).rejects.toBeInstanceOf(ValidationError);
    await bad({ from: new Date(T0), to: new Date(T0) }, 'to');
    await bad({ from: new Date(Number.NaN) }, 'from');
    await bad({ tag: '' }, 'tag');
  });
});

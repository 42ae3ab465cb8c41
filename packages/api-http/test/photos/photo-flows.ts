import { ManualClock } from '@hdoc/adapters-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startComposedApi, type Account, type ComposedApi } from '../identity/composed-api.js';
import { jpegTakenAt, png } from '@hdoc/contract-tests';
import type { OpenBacking } from '../support/backing.js';
import { expectError, listAll, requestUpload, uploadPhoto, type LocalFile, type PhotoJson } from './photo-api.js';

/** Three photos whose sort keys disagree, so every sort yields another order. */
const FILES: readonly (LocalFile & { width: number; height: number; takenAt: string | null })[] = [
  { filename: 'b-harbour.png', contentType: 'image/png', bytes: png(12, 7), width: 12, height: 7, takenAt: null },
  { filename: 'C-summit.jpg', contentType: 'image/jpeg', bytes: jpegTakenAt(640, 480, '2024:05:01 10:00:00'), width: 640, height: 480, takenAt: '2024-05-01T10:00:00.000Z' },
  { filename: 'a-forest.jpg', contentType: 'image/jpeg', bytes: jpegTakenAt(30, 40, '2023:01:02 03:04:05'), width: 30, height: 40, takenAt: '2023-01-02T03:04:05.000Z' },
];
function sortedIds(photos: readonly PhotoJson[], key: (photo: PhotoJson) => string | number | null, order: 'asc' | 'desc'): string[] {
  const compare = (a: PhotoJson, b: PhotoJson): number => {
    const [x, y] = [key(a), key(b)];
    // Nulls last in both orders; ties by id, in the list's order.
    if ((x === null) !== (y === null)) return x === null ? 1 : -1;
    const byValue = x === null || y === null || x === y ? (a.id < b.id ? -1 : 1) : x < y ? -1 : 1;
    return order === 'asc' ? byValue : -byValue;
  };
  return [...photos].sort(compare).map((photo) => photo.id);
}

/**
 * The photo flow over HTTP (upload through the signed form, ingestion by the worker, lists, sorts,
 * filters, edits, deletion), on what `backing` opens (the memory family when absent): photo-flow.test.ts
 * runs it in memory, @hdoc/local-run's aws-flows/ on the whole AWS path (moto's own S3 -> SQS notification).
 */
export function describePhotoFlows(backing?: OpenBacking): void {
  const clock = new ManualClock('2026-03-01T09:00:00.000Z');
  // The memory family's object store is the API's own: it serves objects (/local-objects, with its own
  // cache headers and JSON errors) and stamps uploads with the composition's clock. S3 serves objects
  // itself and stamps them (uploaded_at is the object's LastModified) with its own, real, time.
  const memoryStorage = backing === undefined;
  /** Real time around the uploads, to the second (S3's LastModified precision). */
  const uploads = { from: 0, to: 0 };
  let api: ComposedApi;
  let alice: Account;
  const ids: string[] = [];

  beforeAll(async () => {
    api = await startComposedApi({ clock, backing });
    alice = await api.account('alice');
    uploads.from = Math.floor(Date.now() / 1000) * 1000;
    for (const file of FILES) {
      clock.advance(1000);
      ids.push(await uploadPhoto(api, alice, file));
    }
    uploads.to = Date.now();
  });
  afterAll(() => api?.close());

  describe('the photo flow over HTTP', () => {
    it('catalogues each upload from the stored bytes: ready, size, type, dimensions, capture time', async () => {
      const listed = await listAll(api, alice, 'sort=uploaded_at&order=asc');
      expect(listed.map((photo) => photo.id)).toEqual(ids);
      listed.forEach((photo, index) => {
        const file = FILES[index]!;
        expect(photo).toMatchObject({
          status: 'ready',
          filename: file.filename,
          content_type: file.contentType,
          size: file.bytes.byteLength,
          width: file.width,
          height: file.height,
          taken_at: file.takenAt,
          title: null,
          tags: [],
          metadata: {},
        });
        if (memoryStorage) {
          expect(photo.uploaded_at).toBe(new Date(Date.parse('2026-03-01T09:00:00.000Z') + (index + 1) * 1000).toISOString());
        } else {
          expect(Date.parse(photo.uploaded_at!)).toBeGreaterThanOrEqual(uploads.from);
          expect(Date.parse(photo.uploaded_at!)).toBeLessThanOrEqual(uploads.to);
        }
      });
    });

    it('serves the same bytes at the view URL, cacheable until it expires, with an ETag', async () => {
      const read = await api.send('get', `/photos/${ids[1]}`, { headers: alice.auth });
      expect(read.status).toBe(200);
      const photo = read.body as PhotoJson;
      expect(photo.id).toBe(ids[1]);
      if (memoryStorage) expect(photo.view_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/local-objects\/photos\//);
      const again = await api.send('get', `/photos/${ids[1]}`, { headers: alice.auth });
      expect((again.body as PhotoJson).view_url).toBe(photo.view_url);

      const object = await fetch(photo.view_url!);
      expect(object.status).toBe(200);
      expect(object.headers.get('content-type')).toBe('image/jpeg');
      expect(new Uint8Array(await object.arrayBuffer())).toEqual(FILES[1]!.bytes);
      if (memoryStorage) {
        const expires = Number(new URL(photo.view_url!).searchParams.get('expires'));
        const remaining = Math.floor((expires * 1000 - clock.now().getTime()) / 1000);
        expect(object.headers.get('cache-control')).toBe(`private, max-age=${remaining}`);
        expect(remaining).toBeGreaterThan(0);
      }
      const etag = object.headers.get('etag');
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
      // As a browser revalidates (fetch would add `Cache-Control: no-cache`, which forces a full answer).
      const revalidated = await fetch(photo.view_url!, { headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' } });
      expect(revalidated.status).toBe(304);
    });

    it('lists in every sort and order, pages never skip or repeat, and agrees with the photos themselves', async () => {
      const photos = await listAll(api, alice, 'sort=uploaded_at&order=asc', 100);
      const keys = {
        uploaded_at: (photo: PhotoJson) => photo.uploaded_at,
        taken_at: (photo: PhotoJson) => photo.taken_at,
        filename: (photo: PhotoJson) => photo.filename.toLowerCase(),
        size: (photo: PhotoJson) => photo.size,
      };
      for (const [sort, key] of Object.entries(keys)) {
        for (const order of ['asc', 'desc'] as const) {
          const listed = await listAll(api, alice, `sort=${sort}&order=${order}`, 1);
          expect(listed.map((photo) => photo.id), `${sort} ${order}`).toEqual(sortedIds(photos, key, order));
        }
      }
      // Default: newest upload first.
      expect((await listAll(api, alice, 'x=1')).map((photo) => photo.id)).toEqual([...ids].reverse());
    });

    it('filters by content type and by upload time range', async () => {
      expect((await listAll(api, alice, 'content_type=image/png')).map((photo) => photo.id)).toEqual([ids[0]]);
      // From the second photo's upload instant, for one second (to is exclusive): exactly the photos stamped
      // in that second (in memory, the second photo alone; S3 may stamp several uploads in one second).
      const photos = await listAll(api, alice, 'sort=uploaded_at&order=desc', 100);
      const from = photos.find((photo) => photo.id === ids[1])!.uploaded_at!;
      const to = new Date(Date.parse(from) + 1000).toISOString();
      const inRange = photos.filter((photo) => photo.uploaded_at! >= from && photo.uploaded_at! < to).map((photo) => photo.id);
      if (memoryStorage) expect(inRange).toEqual([ids[1]]);
      expect((await listAll(api, alice, `from=${from}&to=${to}`)).map((photo) => photo.id)).toEqual(inRange);
      const backwards = await api.send('get', `/photos?from=${to}&to=${from}`, { headers: alice.auth });
      expect(backwards.status).toBe(400);
    });

    it('tags and describes a photo, normalising tags, and filters by tag', async () => {
      const patched = await api.send(
        'patch',
        `/photos/${ids[2]}`,
        json({ title: 'Forest', description: 'Morning walk', tags: [' Trees ', 'walk', 'trees'], metadata: { camera: 'x100' } }, alice.auth),
      );
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ id: ids[2], title: 'Forest', description: 'Morning walk', tags: ['trees', 'walk'], metadata: { camera: 'x100' } });
      await api.send('patch', `/photos/${ids[0]}`, json({ tags: ['walk'] }, alice.auth));
      expect((await listAll(api, alice, 'tag=trees')).map((photo) => photo.id)).toEqual([ids[2]]);
      expect((await listAll(api, alice, 'tag=WALK&sort=uploaded_at&order=asc')).map((photo) => photo.id)).toEqual([ids[0], ids[2]]);
      const cleared = await api.send('patch', `/photos/${ids[2]}`, json({ title: null }, alice.auth));
      expect(cleared.body).toMatchObject({ title: null, description: 'Morning walk' });
      const tooMany = await api.send('patch', `/photos/${ids[2]}`, json({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, alice.auth));
      expect(tooMany.status).toBe(400);
      expectError(tooMany.body, 'invalid_input');
    });

    it('refuses unsupported types (415) and oversized declarations (413) before anything is stored', async () => {
      const tiff = await api.send('post', '/photos/uploads', json({ filename: 'x.tiff', content_type: 'image/tiff', size: 10 }, alice.auth));
      expect(tiff.status).toBe(415);
      expectError(tiff.body, 'unsupported_media_type');
      const huge = await api.send('post', '/photos/uploads', json({ filename: 'x.png', content_type: 'image/png', size: 20 * 1024 * 1024 + 1 }, alice.auth));
      expect(huge.status).toBe(413);
      expectError(huge.body, 'payload_too_large');
      const pending = await requestUpload(api, alice, { filename: 'later.png', contentType: 'image/png', bytes: png(1, 1) });
      const read = await api.send('get', `/photos/${pending.photo_id}`, { headers: alice.auth });
      expect(read.body).toMatchObject({ status: 'pending', view_url: null });
    });

    it('deletes a photo: gone from the list, its page and its view URL; deleting again is harmless', async () => {
      const { view_url: viewUrl } = (await api.send('get', `/photos/${ids[0]}`, { headers: alice.auth })).body as PhotoJson;
      const deleted = await api.send('delete', `/photos/${ids[0]}`, { headers: alice.auth });
      expect(deleted.status).toBe(204);
      await api.composition.worker.drained();
      expect((await listAll(api, alice, 'x=1')).map((photo) => photo.id)).not.toContain(ids[0]);
      const read = await api.send('get', `/photos/${ids[0]}`, { headers: alice.auth });
      expect(read.status).toBe(404);
      expectError(read.body, 'not_found');
      const object = await fetch(viewUrl!);
      expect(object.status).toBe(404);
      if (memoryStorage) expectError(await object.json(), 'not_found');
      expect((await api.send('delete', `/photos/${ids[0]}`, { headers: alice.auth })).status).toBe(204);
    });
  });
}

import { ManualClock } from '@hdoc/adapters-memory';
import { png } from '@hdoc/contract-tests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolverOf } from '@hdoc/composition';
import { ObjectStorageToken } from '@hdoc/domain';
import { json, startComposedApi, type Account, type ComposedApi } from '../identity/composed-api.js';
import type { OpenBacking } from '../support/backing.js';
import { expectError, listAll, postForm, requestUpload, uploadForm, uploadPhoto, type LocalFile, type PhotoJson } from './photo-api.js';

/**
 * What the worker makes of the stored bytes (rejections, thumbnails) and the photo details' refusals,
 * over HTTP, on what `backing` opens (the memory family when absent): photo-content.test.ts runs them in
 * memory, @hdoc/local-run's aws-flows/ on the whole AWS path.
 */
export function describePhotoContentFlows(backing?: OpenBacking): void {
  const clock = new ManualClock('2026-03-01T09:00:00.000Z');
  let api: ComposedApi;
  let carol: Account;

  beforeAll(async () => {
    api = await startComposedApi({ clock, backing });
    carol = await api.account('carol');
  });
  afterAll(() => api?.close());

  async function photo(id: string): Promise<PhotoJson & { rejection_reason: string | null; thumbnail_url: string | null }> {
    const read = await api.send('get', `/photos/${id}`, { headers: carol.auth });
    expect(read.status).toBe(200);
    return read.body as PhotoJson & { rejection_reason: string | null; thumbnail_url: string | null };
  }

  /** Uploads a file whose bytes may not be what it declares; the worker has run when this returns. */
  async function uploadAs(file: LocalFile): Promise<{ id: string; key: string }> {
    const intent = await requestUpload(api, carol, file);
    const posted = await postForm(intent.upload.url, uploadForm(intent.upload.fields, file.bytes, file.contentType));
    expect(posted.status).toBe(204);
    await api.composition.worker.drained();
    return { id: intent.photo_id, key: intent.upload.fields['key']! };
  }

  describe('the worker checks the stored bytes', () => {
    const random = Uint8Array.from({ length: 500 }, (_, i) => (i * 7919 + 17) % 256);
    const html = new TextEncoder().encode('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
    const cases: [string, LocalFile, string][] = [
      ['500 random bytes declared image/jpeg', { filename: 'r.jpg', contentType: 'image/jpeg', bytes: random }, 'not_an_image'],
      ['an HTML file declared image/jpeg', { filename: 'x.jpg', contentType: 'image/jpeg', bytes: html }, 'not_an_image'],
      ['a PNG declared image/jpeg', { filename: 'p.jpg', contentType: 'image/jpeg', bytes: png(8, 8) }, 'content_type_mismatch'],
    ];
    for (const [what, file, reason] of cases) {
      it(`rejects ${what}: the object is deleted and the photo says why`, async () => {
        const { id, key } = await uploadAs(file);
        expect(await photo(id)).toMatchObject({ status: 'rejected', rejection_reason: reason, view_url: null, thumbnail_url: null });
        expect(await resolverOf(api.composition.container)(ObjectStorageToken).head(key)).toBeNull();
        const rejected = await listAll(api, carol, 'status=rejected');
        expect(rejected.find((p) => p.id === id)).toMatchObject({ status: 'rejected', rejection_reason: reason });
        expect((await listAll(api, carol, 'status=ready')).some((p) => p.id === id)).toBe(false);
      });
    }
  });

  describe('thumbnails and URLs over HTTP', () => {
    it('a ready photo has a WebP thumbnail, listed with both URLs, and the URLs serve the bytes', async () => {
      const file = { filename: 'big.png', contentType: 'image/png', bytes: png(900, 600) };
      const id = await uploadPhoto(api, carol, file);
      const single = await photo(id);
      expect(single).toMatchObject({ status: 'ready', rejection_reason: null });
      expect(single.view_url).toEqual(expect.any(String));
      expect(single.thumbnail_url).toEqual(expect.any(String));
      const listed = (await listAll(api, carol, 'status=ready', 100)).find((p) => p.id === id) as typeof single;
      expect(listed.view_url).toBe(single.view_url);
      expect(listed.thumbnail_url).toBe(single.thumbnail_url);

      const image = await fetch(single.view_url!);
      expect(image.status).toBe(200);
      expect(new Uint8Array(await image.arrayBuffer())).toEqual(file.bytes);
      const thumbnail = await fetch(single.thumbnail_url!);
      expect(thumbnail.status).toBe(200);
      expect(thumbnail.headers.get('content-type')).toBe('image/webp');
      const bytes = new Uint8Array(await thumbnail.arrayBuffer());
      expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('RIFF');
      expect(new TextDecoder().decode(bytes.subarray(8, 12))).toBe('WEBP');
      expect(bytes.byteLength).toBeLessThan(file.bytes.byteLength);

      // Deleting the photo deletes its thumbnail.
      expect((await api.send('delete', `/photos/${id}`, { headers: carol.auth })).status).toBe(204);
      expect((await fetch(single.thumbnail_url!)).status).toBe(404);
    });

    it('lists pending uploads with ?status=pending, newest first, and refuses an unknown status', async () => {
      const first = await requestUpload(api, carol, { filename: 'one.png', contentType: 'image/png', bytes: png(2, 2) });
      clock.advance(1000);
      const second = await requestUpload(api, carol, { filename: 'two.png', contentType: 'image/png', bytes: png(2, 2) });
      const pending = await listAll(api, carol, 'status=pending&sort=filename&order=asc', 1);
      expect(pending.map((p) => p.id).slice(0, 2)).toEqual([second.photo_id, first.photo_id]);
      expect(pending[0]).toMatchObject({ status: 'pending', view_url: null, thumbnail_url: null });
      for (const query of ['status=deleted', 'status=ready&status=pending', 'status=pending&from=2026-01-01T00:00:00Z']) {
        const answer = await api.send('get', `/photos?${query}`, { headers: carol.auth });
        expect(answer.status).toBe(400);
        expectError(answer.body, 'invalid_input');
      }
    });
  });

  describe('photo details refuse what they used to drop', () => {
    it('refuses metadata keys __proto__, constructor and prototype with 400, and control characters in text', async () => {
      const id = await uploadPhoto(api, carol, { filename: 's.png', contentType: 'image/png', bytes: png(3, 3) });
      const patch = (body: string) =>
        api.send('patch', `/photos/${id}`, { headers: { ...carol.auth, 'content-type': 'application/json' }, body });
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        const answer = await patch(`{"metadata":{"camera":"x100",${JSON.stringify(key)}:"v"}}`);
        expect(answer.status).toBe(400);
        expectError(answer.body, 'invalid_input');
      }
      for (const body of [{ title: 'a\nb' }, { description: 'bell\u0007' }, { title: 'c1\u0085' }]) {
        const answer = await api.send('patch', `/photos/${id}`, json(body, carol.auth));
        expect(answer.status).toBe(400);
        expectError(answer.body, 'invalid_input');
      }
      expect(await photo(id)).toMatchObject({ title: null, description: null, metadata: {} });
      expect((await patch('{"metadata":{"camera":"x100"},"title":"Été ✓"}')).status).toBe(200);
    });
  });
}

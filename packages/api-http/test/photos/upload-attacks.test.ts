import { ManualClock, MemoryObjectStorageToken } from '@hdoc/adapters-memory';
import fc from 'fast-check';
import { resolverOf } from '@hdoc/composition';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, json, startComposedApi, type Account, type ComposedApi } from '../identity/composed-api.js';
import { png } from '@hdoc/contract-tests';
import { expectError, listAll, postForm, requestUpload, uploadForm, type UploadIntentJson } from './photo-api.js';

const clock = new ManualClock('2026-03-01T09:00:00.000Z');
const IMAGE = png(4, 4);
const FILE = { filename: 'me.png', contentType: 'image/png', bytes: IMAGE };
let api: ComposedApi;
let mallory: Account;

beforeAll(async () => {
  api = await startComposedApi({ clock });
  mallory = await api.account('mallory');
});
afterAll(() => api.close());

/** Nothing reached storage for the intent and nothing was catalogued. */
async function expectNothingStored(intent: UploadIntentJson): Promise<void> {
  await api.composition.worker.drained();
  const storage = resolverOf(api.composition.container)(MemoryObjectStorageToken);
  expect(await storage.head(intent.upload.fields['key']!)).toBeNull();
  expect(await listAll(api, mallory, 'x=1')).toEqual([]);
  const read = await api.send('get', `/photos/${intent.photo_id}`, { headers: mallory.auth });
  expect(read.body).toMatchObject({ status: 'pending' });
}

async function expectRefused(intent: UploadIntentJson, form: FormData, status: 400 | 403): Promise<void> {
  const posted = await postForm(intent.upload.url, form);
  expect(posted.status).toBe(status);
  expectError(posted.body, status === 400 ? 'invalid_input' : 'forbidden');
  await expectNothingStored(intent);
}

describe('POST /local-uploads refuses what S3 would refuse', () => {
  it('a tampered signed field (key, type, expiry, size, signature) is 403 and stores nothing', async () => {
    const intent = await requestUpload(api, mallory, FILE);
    const tampers: Record<string, string>[] = [
      { key: intent.upload.fields['key']!.replace(/[^/]+$/, 'someone-else') },
      { 'Content-Type': 'image/gif' },
      { 'x-hdoc-expires': String(Number(intent.upload.fields['x-hdoc-expires']) + 3600) },
      { 'x-hdoc-max-size': String(20 * 1024 * 1024) },
      { 'x-hdoc-signature': `${intent.upload.fields['x-hdoc-signature']!.slice(0, -2)}AA` },
    ];
    for (const tamper of tampers) {
      await expectRefused(intent, uploadForm({ ...intent.upload.fields, ...tamper }, IMAGE, tamper['Content-Type'] ?? 'image/png'), 403);
    }
  });

  it('any single forged field value is refused with 403 or 400, never stored (property)', async () => {
    const intent = await requestUpload(api, mallory, FILE);
    const names = Object.keys(intent.upload.fields);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.string({ maxLength: 60 }), async (name, value) => {
        fc.pre(value !== intent.upload.fields[name]);
        const posted = await postForm(intent.upload.url, uploadForm({ ...intent.upload.fields, [name]: value }, IMAGE, 'image/png'));
        expect([400, 403]).toContain(posted.status);
        expectError(posted.body, posted.status === 400 ? 'invalid_input' : 'forbidden');
      }),
      { numRuns: 25 },
    );
    await expectNothingStored(intent);
  });

  it('a file of another type than signed is 403', async () => {
    const intent = await requestUpload(api, mallory, FILE);
    await expectRefused(intent, uploadForm(intent.upload.fields, IMAGE, 'text/html'), 403);
  });

  it('a file bigger than declared is 403, however much bigger', async () => {
    const intent = await requestUpload(api, mallory, FILE);
    await expectRefused(intent, uploadForm(intent.upload.fields, new Uint8Array(IMAGE.byteLength + 1), 'image/png'), 403);
    await expectRefused(intent, uploadForm(intent.upload.fields, new Uint8Array(3 * 1024 * 1024), 'image/png'), 403);
  });

  it('an empty file is 403 (S3 pins 1..size bytes)', async () => {
    const intent = await requestUpload(api, mallory, FILE);
    await expectRefused(intent, uploadForm(intent.upload.fields, new Uint8Array(0), 'image/png'), 403);
  });

  it('a lapsed target is 403', async () => {
    const intent = await requestUpload(api, mallory, FILE);
    clock.advance(15 * 60 * 1000 + 1000);
    const posted = await postForm(intent.upload.url, uploadForm(intent.upload.fields, IMAGE, 'image/png'));
    expect(posted.status).toBe(403);
    expectError(posted.body, 'forbidden');
    await api.composition.worker.drained();
    const storage = resolverOf(api.composition.container)(MemoryObjectStorageToken);
    expect(await storage.head(intent.upload.fields['key']!)).toBeNull();
    mallory = await relogin(mallory);
    expect(await listAll(api, mallory, 'x=1')).toEqual([]);
  });

  it('a form missing a signed field, the file, or not multipart at all is 400', async () => {
    const intent = await requestUpload(api, mallory, FILE);
    for (const name of Object.keys(intent.upload.fields)) {
      const { [name]: _dropped, ...rest } = intent.upload.fields;
      await expectRefused(intent, uploadForm(rest, IMAGE, 'image/png'), 400);
    }
    const noFile = new FormData();
    for (const [name, value] of Object.entries(intent.upload.fields)) noFile.append(name, value);
    await expectRefused(intent, noFile, 400);
    const notMultipart = await postForm(intent.upload.url, JSON.stringify(intent.upload.fields), { 'content-type': 'application/json' });
    expect(notMultipart.status).toBe(400);
    expectError(notMultipart.body, 'invalid_input');
    const truncated = await postForm(intent.upload.url, '--b\r\nContent-Disposition: form-data; name="key"\r\n\r\nx', {
      'content-type': 'multipart/form-data; boundary=b',
    });
    expect(truncated.status).toBe(400);
    await expectNothingStored(intent);
  });

  it('fields after the file are ignored, as S3 does', async () => {
    const intent = await requestUpload(api, mallory, FILE);
    const form = new FormData();
    const { 'x-hdoc-signature': signature, ...before } = intent.upload.fields;
    for (const [name, value] of Object.entries(before)) form.append(name, value);
    form.append('file', new Blob([IMAGE], { type: 'image/png' }), 'me.png');
    form.append('x-hdoc-signature', signature!);
    await expectRefused(intent, form, 400);
  });
});

describe('GET /local-objects refuses bad signatures', () => {
  it('a tampered, missing or lapsed signature is 403; another key with a valid signature is 403', async () => {
    const intent = await requestUpload(api, mallory, FILE);
    expect((await postForm(intent.upload.url, uploadForm(intent.upload.fields, IMAGE, 'image/png'))).status).toBe(204);
    await api.composition.worker.drained();
    const { view_url: viewUrl } = (await api.send('get', `/photos/${intent.photo_id}`, { headers: mallory.auth })).body as { view_url: string };
    expect((await fetch(viewUrl)).status).toBe(200);
    const url = new URL(viewUrl);
    const variants = [
      `${url.origin}${url.pathname}`,
      `${url.origin}${url.pathname}?expires=${url.searchParams.get('expires')}`,
      `${url.origin}${url.pathname}?expires=${Number(url.searchParams.get('expires')) + 1}&signature=${url.searchParams.get('signature')}`,
      `${url.origin}${url.pathname}x?${url.searchParams.toString()}`,
      `${url.origin}/local-objects/photos/other/${intent.photo_id}?${url.searchParams.toString()}`,
    ];
    for (const variant of variants) {
      const answer = await fetch(variant);
      expect(answer.status, variant).toBe(403);
      expectError(await answer.json(), 'forbidden');
    }
    clock.advance(2 * 15 * 60 * 1000 + 1000);
    const lapsed = await fetch(viewUrl);
    expect(lapsed.status).toBe(403);
    expectError(await lapsed.json(), 'forbidden');
  });

  it('a malformed percent-encoding in the key is 400', async () => {
    const answer = await fetch(`${api.server.url}/local-objects/photos/%E0%A4%A?expires=1&signature=x`);
    expect(answer.status).toBe(400);
    expectError(await answer.json(), 'invalid_input');
  });
});

async function relogin(account: Account): Promise<Account> {
  const fresh = await api.send('post', '/sessions', json({ username: account.username, password: account.password }));
  expect(fresh.status).toBe(200);
  const tokens = fresh.body as Account['tokens'];
  return { ...account, tokens, auth: bearer(tokens.access_token) };
}

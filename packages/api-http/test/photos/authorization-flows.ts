import { ManualClock } from '@hdoc/adapters-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, json, startComposedApi, type Account, type ComposedApi } from '../identity/composed-api.js';
import { png } from '@hdoc/contract-tests';
import type { OpenBacking } from '../support/backing.js';
import { expectError, uploadPhoto } from './photo-api.js';

/** Every bearer operation of the identity and photo areas, with a valid request for it. */
function operations(id: string): { method: string; path: string; init?: RequestInit }[] {
  return [
    { method: 'get', path: '/users/me' },
    { method: 'delete', path: '/sessions/current' },
    { method: 'delete', path: '/sessions' },
    { method: 'post', path: '/photos/uploads', init: json({ filename: 'a.png', content_type: 'image/png', size: 10 }) },
    { method: 'get', path: '/photos' },
    { method: 'get', path: `/photos/${id}` },
    { method: 'patch', path: `/photos/${id}`, init: json({ title: 'hijacked' }) },
    { method: 'delete', path: `/photos/${id}` },
  ];
}

/**
 * Authorization of the photo operations over HTTP (another owner's photo is a 404, every bearer route
 * a 401 without valid credentials), on what `backing` opens (the memory family when absent):
 * authorization.test.ts runs them in memory, @hdoc/local-run's aws-flows/ on the whole AWS path.
 */
export function describePhotoAuthorizationFlows(backing?: OpenBacking): void {
  const clock = new ManualClock('2026-03-01T09:00:00.000Z');
  let api: ComposedApi;
  let alice: Account;
  let bob: Account;
  let photoId: string;

  beforeAll(async () => {
    api = await startComposedApi({ clock, backing });
    alice = await api.account('alice');
    bob = await api.account('bob');
    photoId = await uploadPhoto(api, alice, { filename: 'mine.png', contentType: 'image/png', bytes: png(2, 2) });
    await api.send('patch', `/photos/${photoId}`, json({ title: 'Mine', tags: ['private'] }, alice.auth));
  });
  afterAll(() => api?.close());

  async function alicesPhoto() {
    return api.send('get', `/photos/${photoId}`, { headers: alice.auth });
  }

  describe("another owner's photo", () => {
    it('is 404 for every photo operation, and nothing changes', async () => {
      const before = (await alicesPhoto()).body;
      for (const { method, path, init } of operations(photoId).filter((op) => op.path.startsWith(`/photos/${photoId}`))) {
        const answer = await api.send(method, path, { ...init, headers: { ...(init?.headers as Record<string, string>), ...bob.auth } });
        expect(answer.status, `${method} ${path}`).toBe(404);
        expectError(answer.body, 'not_found');
      }
      expect((await alicesPhoto()).body).toEqual(before);
      const listed = await api.send('get', '/photos?tag=private', { headers: bob.auth });
      expect(listed.body).toEqual({ items: [], next_cursor: null });
    });

    it('looks exactly like a photo that does not exist', async () => {
      const foreign = await api.send('get', `/photos/${photoId}`, { headers: bob.auth });
      const missing = await api.send('get', '/photos/01890000-0000-7000-8000-000000000000', { headers: bob.auth });
      expect(foreign.status).toBe(missing.status);
      expect(foreign.text).toBe(missing.text);
    });
  });

  describe('without valid credentials every bearer route is 401', () => {
    async function expectAll401(headers: Record<string, string>, label: string): Promise<void> {
      for (const { method, path, init } of operations(photoId)) {
        const answer = await api.send(method, path, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers } });
        expect(answer.status, `${label}: ${method} ${path}`).toBe(401);
        expectError(answer.body, 'unauthorized');
        expect(answer.headers.get('www-authenticate'), label).toMatch(/^Bearer realm="hdoc"/);
      }
      expect((await alicesPhoto()).body).toMatchObject({ title: 'Mine', status: 'ready' });
    }

    it('no token, a garbage token, another scheme, a forged signature', async () => {
      await expectAll401({}, 'none');
      await expectAll401(bearer('garbage'), 'garbage');
      await expectAll401({ authorization: 'Basic YWxpY2U6cGFzc3dvcmQ=' }, 'basic');
      const [header, payload] = alice.tokens.access_token.split('.');
      await expectAll401(bearer(`${header}.${payload}.${'A'.repeat(86)}`), 'forged signature');
    });

    it('a revoked token', async () => {
      const session = await api.account('carol');
      expect((await api.send('delete', '/sessions/current', { headers: session.auth })).status).toBe(204);
      await expectAll401(session.auth, 'revoked');
    });

    it('an expired token (15 minutes later)', async () => {
      const expiring = alice.auth;
      clock.advance(15 * 60 * 1000 + 1000);
      const login = await api.send('post', '/sessions', json({ username: alice.username, password: alice.password }));
      alice = { ...alice, auth: bearer((login.body as Account['tokens']).access_token) };
      await expectAll401(expiring, 'expired');
    });
  });
}

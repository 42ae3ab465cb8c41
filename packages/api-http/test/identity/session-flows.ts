import { ManualClock } from '@hdoc/adapters-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../photos/photo-api.js';
import {
  bearer,
  json,
  startComposedApi,
  type Account,
  type ComposedApi,
  type TokensJson,
} from './composed-api.js';
import type { OpenBacking } from '../support/backing.js';

/**
 * The HTTP flows of accounts, log-in and sessions, on what `backing` opens (the memory family when
 * absent): sessions.test.ts runs them in memory, aws-identity/ on PostgreSQL and Redis, and
 * @hdoc/local-run's aws-flows/ on the whole AWS path.
 */
export function describeSessionFlows(backing?: OpenBacking): void {
  const clock = new ManualClock('2026-03-01T09:00:00.000Z');
  let api: ComposedApi;

  beforeAll(async () => {
    api = await startComposedApi({ clock, backing });
  });
  afterAll(() => api?.close());

  async function me(auth: { authorization: string }) {
    return api.send('get', '/users/me', { headers: auth });
  }

  async function logIn(username: string, password: string) {
    return api.send('post', '/sessions', json({ username, password }));
  }

  describe('accounts', () => {
    it('signs up (lowercase, 201), refuses a username taken in any case (409) and a weak password (400)', async () => {
      const created = await api.send('post', '/users', json({ username: 'Ada.L', password: 'long enough pw' }));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ username: 'ada.l', id: expect.any(String) });
      const taken = await api.send('post', '/users', json({ username: 'ADA.l', password: 'another password' }));
      expect(taken.status).toBe(409);
      expectError(taken.body, 'username_taken');
      const weak = await api.send('post', '/users', json({ username: 'bob', password: 'short' }));
      expect(weak.status).toBe(400);
      expect(weak.body).toMatchObject({ error: { code: 'invalid_input', details: [{ field: 'body.password' }] } });
      const badName = await api.send('post', '/users', json({ username: 'a b', password: 'long enough pw' }));
      expect(badName.body).toMatchObject({ error: { code: 'invalid_input', details: [{ field: 'body.username' }] } });
      const unknownField = await api.send('post', '/users', json({ username: 'bob', password: 'long enough pw', admin: true }));
      expect(unknownField.status).toBe(400);
    });

    it('refuses a password that is not well-formed Unicode (a lone surrogate) with 400, at sign-up and at login', async () => {
      // Written out by hand: the JSON escape \ud800 is how a client sends a lone surrogate.
      const body = (username: string) => `{"username":"${username}","password":"long enough pw\\ud800"}`;
      const headers = { 'content-type': 'application/json' };
      const signUp = await api.send('post', '/users', { headers, body: body('lone') });
      expect(signUp.status).toBe(400);
      expectError(signUp.body, 'invalid_input');
      await api.account('lone-login', 'long enough pw\ufffd');
      const login = await api.send('post', '/sessions', { headers, body: body('lone-login') });
      expect(login.status).toBe(400);
      expectError(login.body, 'invalid_input');
    });

    it('GET /users/me answers the caller, without any secret', async () => {
      const carol = await api.account('carol');
      const answer = await me(carol.auth);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ id: carol.id, username: 'carol', created_at: clock.now().toISOString() });
      expect(answer.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('login', () => {
    it('answers tokens with no-store, usable at once', async () => {
      await api.account('dave', 'dave password');
      const answer = await logIn('DAVE', 'dave password');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      const tokens = answer.body as TokensJson;
      expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 900 });
      expect((await me(bearer(tokens.access_token))).status).toBe(200);
    });

    it('answers an unknown user and a wrong password identically', async () => {
      await api.account('erin', 'erin password');
      const unknown = await logIn('nobody-here', 'erin password');
      const wrong = await logIn('erin', 'not the password');
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(unknown.text).toBe(wrong.text);
      expect(unknown.headers.get('www-authenticate')).toBe(wrong.headers.get('www-authenticate'));
    });

    it('throttles guessing per username: 429 with Retry-After, even for the right password', async () => {
      await api.account('frank', 'frank password');
      for (let attempt = 0; attempt < 10; attempt += 1) expect((await logIn('frank', `guess ${attempt}`)).status).toBe(401);
      const limited = await logIn('frank', 'frank password');
      expect(limited.status).toBe(429);
      expectError(limited.body, 'rate_limited');
      const wait = Number(limited.headers.get('retry-after'));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(15 * 60);
      clock.advance(wait * 1000);
      expect((await logIn('frank', 'frank password')).status).toBe(200);
    });
  });

  describe('sessions', () => {
    let grace: Account;
    beforeAll(async () => {
      grace = await api.account('grace');
    });

    it('refresh rotates; replaying the old refresh token after the grace window fails and ends the session', async () => {
      const session = (await logIn('grace', grace.password)).body as TokensJson;
      const refreshed = await api.send('post', '/sessions/refresh', json({ refresh_token: session.refresh_token }));
      expect(refreshed.status).toBe(200);
      const rotated = refreshed.body as TokensJson;
      expect(rotated.refresh_token).not.toBe(session.refresh_token);
      expect((await me(bearer(rotated.access_token))).status).toBe(200);

      clock.advance(15_000);
      const replay = await api.send('post', '/sessions/refresh', json({ refresh_token: session.refresh_token }));
      expect(replay.status).toBe(401);
      expectError(replay.body, 'unauthorized');
      expect((await me(bearer(rotated.access_token))).status).toBe(401);
      expect((await api.send('post', '/sessions/refresh', json({ refresh_token: rotated.refresh_token }))).status).toBe(401);
      expect((await me(grace.auth)).status).toBe(200);
    });

    it('10 tabs refreshing with one token at once all get a working pair, and the session survives (reuse grace)', async () => {
      const session = (await logIn('grace', grace.password)).body as TokensJson;
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => api.send('post', '/sessions/refresh', json({ refresh_token: session.refresh_token }))),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        const pair = answer.body as TokensJson;
        expect((await me(bearer(pair.access_token))).status).toBe(200);
        expect((await api.send('post', '/sessions/refresh', json({ refresh_token: pair.refresh_token }))).status).toBe(200);
      }
      expect((await me(bearer(session.access_token))).status).toBe(200);
    });

    it('REFRESH_REUSE_GRACE_SECONDS=0 turns the grace off: an immediate replay ends the session', async () => {
      const strict = await startComposedApi({ env: { REFRESH_REUSE_GRACE_SECONDS: '0' }, backing });
      try {
        const { tokens } = await strict.account('strict-user');
        const rotated = await strict.send('post', '/sessions/refresh', json({ refresh_token: tokens.refresh_token }));
        expect(rotated.status).toBe(200);
        expect((await strict.send('post', '/sessions/refresh', json({ refresh_token: tokens.refresh_token }))).status).toBe(401);
        const ended = await strict.send('get', '/users/me', { headers: bearer((rotated.body as TokensJson).access_token) });
        expect(ended.status).toBe(401);
      } finally {
        await strict.close();
      }
    });

    it('an unknown refresh token is 401', async () => {
      expect((await api.send('post', '/sessions/refresh', json({ refresh_token: 'x'.repeat(43) }))).status).toBe(401);
      expect((await api.send('post', '/sessions/refresh', json({ refresh_token: '' }))).status).toBe(401);
    });

    it('logout ends this session at once, and only this one', async () => {
      const other = (await logIn('grace', grace.password)).body as TokensJson;
      const mine = (await logIn('grace', grace.password)).body as TokensJson;
      expect((await api.send('delete', '/sessions/current', { headers: bearer(mine.access_token) })).status).toBe(204);
      const after = await me(bearer(mine.access_token));
      expect(after.status).toBe(401);
      expect(after.headers.get('www-authenticate')).toContain('invalid_token');
      expect((await api.send('post', '/sessions/refresh', json({ refresh_token: mine.refresh_token }))).status).toBe(401);
      expect((await me(bearer(other.access_token))).status).toBe(200);
    });

    it('logout with the refresh token alone works with no, an invalid or an expired access token, and again after that', async () => {
      const other = (await logIn('grace', grace.password)).body as TokensJson;
      const plain = (await logIn('grace', grace.password)).body as TokensJson;
      const logOutWith = (refreshToken: string, headers: Record<string, string> = {}) =>
        api.send('delete', '/sessions/current', json({ refresh_token: refreshToken }, headers));

      expect((await logOutWith(plain.refresh_token)).status).toBe(204);
      expect((await me(bearer(plain.access_token))).status).toBe(401);
      expect((await api.send('post', '/sessions/refresh', json({ refresh_token: plain.refresh_token }))).status).toBe(401);
      expect((await logOutWith(plain.refresh_token)).status).toBe(204);

      const forged = (await logIn('grace', grace.password)).body as TokensJson;
      expect((await logOutWith(forged.refresh_token, { authorization: 'Bearer not-a-token' })).status).toBe(204);
      expect((await me(bearer(forged.access_token))).status).toBe(401);

      const expired = (await logIn('grace', grace.password)).body as TokensJson;
      clock.advance(15 * 60 * 1000 + 1000);
      expect((await me(bearer(expired.access_token))).status).toBe(401);
      expect((await logOutWith(expired.refresh_token, bearer(expired.access_token))).status).toBe(204);
      expect((await api.send('post', '/sessions/refresh', json({ refresh_token: expired.refresh_token }))).status).toBe(401);

      // Other sessions live on; their refresh token still works.
      expect((await api.send('post', '/sessions/refresh', json({ refresh_token: other.refresh_token }))).status).toBe(200);
    });

    it('logout with a refresh token already rotated away still ends its session; with neither token it is a 401', async () => {
      const session = (await logIn('grace', grace.password)).body as TokensJson;
      const rotated = (await api.send('post', '/sessions/refresh', json({ refresh_token: session.refresh_token }))).body as TokensJson;
      expect((await api.send('delete', '/sessions/current', json({ refresh_token: session.refresh_token }))).status).toBe(204);
      expect((await me(bearer(rotated.access_token))).status).toBe(401);
      const anonymous = await api.send('delete', '/sessions/current');
      expect(anonymous.status).toBe(401);
      expectError(anonymous.body, 'unauthorized');
      expect((await api.send('delete', '/sessions/current', json({ refresh_token: 'x'.repeat(43) }))).status).toBe(204);
    });

    it('log out everywhere ends every session of the user, not other users\'', async () => {
      const heidi = await api.account('heidi');
      const phone = (await logIn('heidi', heidi.password)).body as TokensJson;
      const ivan = await api.account('ivan');
      expect((await api.send('delete', '/sessions', { headers: heidi.auth })).status).toBe(204);
      expect((await me(heidi.auth)).status).toBe(401);
      expect((await me(bearer(phone.access_token))).status).toBe(401);
      expect((await api.send('post', '/sessions/refresh', json({ refresh_token: phone.refresh_token }))).status).toBe(401);
      expect((await me(ivan.auth)).status).toBe(200);
    });

    it('an access token expires after 15 minutes; refreshing gives a working one', async () => {
      const judy = await api.account('judy');
      clock.advance(15 * 60 * 1000 + 1000);
      expect((await me(judy.auth)).status).toBe(401);
      const refreshed = await api.send('post', '/sessions/refresh', json({ refresh_token: judy.tokens.refresh_token }));
      expect((await me(bearer((refreshed.body as TokensJson).access_token))).status).toBe(200);
    });
  });
}

import { ManualClock } from '@hdoc/adapters-memory';
import { describe, expect, it } from 'vitest';
import { bearer as challengeBearer, json as challengeJson, startChallengeApp } from '../challenge/challenge-app.js';
import { expectError } from '../photos/photo-api.js';
import type { OpenBacking } from '../support/backing.js';
import { json, startComposedApi } from './composed-api.js';

const HOUR_S = 3600;

function expectRateLimited(answer: { status: number; body: unknown; headers: Headers }): number {
  expect(answer.status).toBe(429);
  expectError(answer.body, 'rate_limited');
  const wait = Number(answer.headers.get('retry-after'));
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(HOUR_S);
  return wait;
}

/**
 * The rate limits of the HTTP API, on what `backing` opens (the memory family when absent):
 * rate-limits.test.ts runs them in memory, aws-identity/ on PostgreSQL and Redis, and
 * @hdoc/local-run's aws-flows/ on the whole AWS path.
 */
export function describeRateLimitFlows(backing?: OpenBacking): void {
  describe('POST /users is rate limited per client address', () => {
    it('counts only requests that pass validation, answers 429 with Retry-After, per address, until the window ends', async () => {
      const clock = new ManualClock('2026-03-01T09:00:00.000Z');
      const api = await startComposedApi({ clock, env: { SIGN_UPS_PER_HOUR: '2', TRUST_PROXY: 'true' }, backing });
      const from = (address: string) => ({ 'x-forwarded-for': address });
      const signUp = (username: string, address: string, password = 'long enough pw') =>
        api.send('post', '/users', json({ username, password }, from(address)));
      try {
        // A user fixing a form: none of these count.
        for (const username of ['a b', 'x', 'ok-name']) {
          expect((await signUp(username, '198.51.100.1', username === 'ok-name' ? 'short' : 'long enough pw')).status).toBe(400);
        }
        expect((await signUp('first', '198.51.100.1')).status).toBe(201);
        expect((await signUp('FIRST', '198.51.100.1')).status).toBe(409); // well-formed: counts
        const wait = expectRateLimited(await signUp('second', '198.51.100.1'));
        expect((await signUp('second', '203.0.113.9')).status).toBe(201);
        clock.advance(wait * 1000);
        expect((await signUp('third', '198.51.100.1')).status).toBe(201);
      } finally {
        await api.close();
      }
    });
  });

  describe('upload intents and entry submissions are rate limited per principal', () => {
    it('POST /photos/uploads: 429 past the limit, other principals unaffected', async () => {
      const api = await startComposedApi({ env: { UPLOAD_INTENTS_PER_HOUR: '2' }, backing });
      try {
        const [ann, ben] = [await api.account('ann'), await api.account('ben')];
        const intent = (auth: { authorization: string }) =>
          api.send('post', '/photos/uploads', json({ filename: 'a.png', content_type: 'image/png', size: 100 }, auth));
        for (let i = 0; i < 2; i += 1) expect((await intent(ann.auth)).status).toBe(201);
        expectRateLimited(await intent(ann.auth));
        expect((await intent(ben.auth)).status).toBe(201);
      } finally {
        await api.close();
      }
    });

    it('PUT /profiles/me/entries/{day}/{type}: 429 past the limit, other participants unaffected', async () => {
      const app = await startChallengeApp({ env: { ENTRY_SUBMISSIONS_PER_HOUR: '2' }, backing });
      try {
        const alice = (await app.login({ login: 'alice', name: 'Alice' })).access_token;
        const bob = (await app.login({ login: 'bob', name: 'Bob' })).access_token;
        const submit = (token: string, login: string, day: number) =>
          app.send('put', `/profiles/me/entries/${day}/github`, challengeJson({ url: `https://github.com/${login}/cloud/commit/${day}` }, challengeBearer(token)));
        for (const day of [1, 2]) expect((await submit(alice, 'alice', day)).status).toBe(200);
        expectRateLimited(await submit(alice, 'alice', 3));
        expect((await submit(bob, 'bob', 1)).status).toBe(200);
      } finally {
        await app.close();
      }
    });
  });
}

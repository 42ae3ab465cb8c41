import { ManualClock } from '@hdoc/adapters-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, json, startComposedApi, type ComposedApi, type TokensJson } from '../identity/composed-api.js';
import { expectError } from '../photos/photo-api.js';
import { useRealIdentityStores } from './real-identity-stores.js';

const realStores = useRealIdentityStores();
const clock = new ManualClock('2026-03-01T09:00:00.000Z');
let api: ComposedApi;

beforeAll(async () => {
  api = await startComposedApi({ clock, backing: realStores(), env: { SIGN_UPS_PER_HOUR: '100' } });
});
afterAll(() => api?.close());

const refresh = (refreshToken: string) => api.send('post', '/sessions/refresh', json({ refresh_token: refreshToken }));
const me = (accessToken: string) => api.send('get', '/users/me', { headers: bearer(accessToken) });

describe('concurrent requests on PostgreSQL and Redis', () => {
  it('parallel sign-ups of one name differing in case make exactly one account (one 201, the rest 409 username_taken)', async () => {
    const spellings = ['Zoe.Q', 'zoe.q', 'ZOE.Q', 'zOe.q', 'ZoE.q', 'zoe.Q', 'ZOE.q', 'zOE.Q'];
    const answers = await Promise.all(
      spellings.map((username) => api.send('post', '/users', json({ username, password: `password of ${username}` }))),
    );
    const created = answers.filter(({ status }) => status === 201);
    expect(created).toHaveLength(1);
    for (const answer of answers.filter(({ status }) => status !== 201)) {
      expect(answer.status).toBe(409);
      expectError(answer.body, 'username_taken');
    }
    // The one account is the winner's: its password logs in, under any spelling.
    const winner = spellings[answers.indexOf(created[0]!)]!;
    const login = await api.send('post', '/sessions', json({ username: 'ZOE.Q', password: `password of ${winner}` }));
    expect(login.status).toBe(200);
  });

  it('10 parallel refreshes of one token inside the grace window all succeed, within one session', async () => {
    const { tokens } = await api.account('tabs');
    const pairs = await Promise.all(Array.from({ length: 10 }, () => refresh(tokens.refresh_token)));
    for (const answer of pairs) expect(answer.status).toBe(200);
    const accessTokens = pairs.map(({ body }) => (body as TokensJson).access_token);
    for (const accessToken of accessTokens) expect((await me(accessToken)).status).toBe(200);
    // One session: logging out with one pair ends every pair.
    expect((await api.send('delete', '/sessions/current', { headers: bearer(accessTokens[0]!) })).status).toBe(204);
    for (const accessToken of [tokens.access_token, ...accessTokens]) expect((await me(accessToken)).status).toBe(401);
  });

  it('replaying a refresh token outside the grace window revokes the session, for every pair it had', async () => {
    const { tokens } = await api.account('replayed');
    const pairs = await Promise.all(Array.from({ length: 10 }, () => refresh(tokens.refresh_token)));
    const siblings = pairs.map(({ body }) => body as TokensJson);
    for (const answer of pairs) expect(answer.status).toBe(200);

    clock.advance(16_000); // past REFRESH_REUSE_GRACE_SECONDS (15)
    const reuses = await Promise.all(Array.from({ length: 5 }, () => refresh(tokens.refresh_token)));
    for (const reuse of reuses) {
      expect(reuse.status).toBe(401);
      expectError(reuse.body, 'unauthorized');
    }
    for (const pair of siblings) {
      expect((await me(pair.access_token)).status).toBe(401);
      expect((await refresh(pair.refresh_token)).status).toBe(401);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenBacking } from '../support/backing.js';
import { bearer, json, startChallengeApp, type ChallengeApp } from './challenge-app.js';

const errorCode = (body: unknown): string => (body as { error: { code: string } }).error.code;

/**
 * GET /profiles/me and the GitHub account named "me", on what `backing` opens (the memory family when
 * absent): my-profile.test.ts runs them in memory, @hdoc/local-run's aws-flows/ on the whole AWS path.
 */
export function describeMyProfileFlows(backing?: OpenBacking): void {
  let app: ChallengeApp;

  beforeAll(async () => {
    app = await startChallengeApp({ backing });
  });
  afterAll(() => app?.close());

  describe('GET /profiles/me', () => {
    it("answers the signed-in participant's own profile, never a GitHub account named me", async () => {
      // A GitHub account really named "me" exists and has a profile.
      const me = await app.login({ login: 'me', name: 'The Account Named Me' });
      const ada = await app.login({ login: 'Ada', name: 'Ada Lovelace' });
      const own = await app.send('get', '/profiles/me', { headers: bearer(ada.access_token) });
      expect(own.status).toBe(200);
      expect(own.headers.get('cache-control')).toBe('no-store');
      expect(own.body).toMatchObject({ github_username: 'Ada', full_name: 'Ada Lovelace' });
      // Any case of "me" is the reserved path too (paths match case-insensitively).
      expect((await app.send('get', '/profiles/ME', { headers: bearer(ada.access_token) })).body).toMatchObject({ github_username: 'Ada' });
      // The account named "me" reads its own profile through /profiles/me as well.
      expect((await app.send('get', '/profiles/me', { headers: bearer(me.access_token) })).body).toMatchObject({ github_username: 'me' });
    });

    it('answers 401 without a session and 403 for a password account', async () => {
      expect((await app.send('get', '/profiles/me')).status).toBe(401);
      const token = await app.passwordUserToken('plain-user');
      const forbidden = await app.send('get', '/profiles/me', { headers: bearer(token) });
      expect(forbidden.status).toBe(403);
      expect(errorCode(forbidden.body)).toBe('forbidden');
    });

    it('keeps PATCH /profiles/me working, and GET /profiles/me shows the edit', async () => {
      const grace = await app.login({ login: 'grace' });
      expect((await app.send('patch', '/profiles/me', json({ bio: 'compilers' }, bearer(grace.access_token)))).status).toBe(200);
      expect((await app.send('get', '/profiles/me', { headers: bearer(grace.access_token) })).body).toMatchObject({ bio: 'compilers' });
    });
  });

  describe('the GitHub account named "me"', () => {
    it('is read as @me in every profile path; a bare me elsewhere is refused with a hint', async () => {
      await app.login({ login: 'me', name: 'The Account Named Me' });
      const profile = await app.send('get', '/profiles/@me');
      expect(profile.status).toBe(200);
      expect(profile.body).toMatchObject({ github_username: 'me', full_name: 'The Account Named Me' });
      expect((await app.send('get', '/profiles/@me/entries')).status).toBe(200);
      expect((await app.send('get', '/leaderboard/@me')).body).toMatchObject({ row: { github_username: 'me' } });
      // `@login` works for every login.
      await app.login({ login: 'octocat' });
      expect((await app.send('get', '/profiles/@octocat')).body).toMatchObject({ github_username: 'octocat' });

      for (const path of ['/profiles/me/entries', '/leaderboard/me', '/leaderboard/Me']) {
        const refused = await app.send('get', path);
        expect(refused.status, path).toBe(400);
        expect(errorCode(refused.body)).toBe('invalid_input');
        expect(JSON.stringify(refused.body)).toContain('@me');
      }
      expect((await app.send('get', '/profiles/@')).status).toBe(400);
      expect((await app.send('get', '/profiles/@@me')).status).toBe(400);
    });
  });
}

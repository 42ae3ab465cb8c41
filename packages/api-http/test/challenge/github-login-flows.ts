import { ManualClock } from '@hdoc/adapters-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidFields } from '../support/error-details.js';
import type { OpenBacking } from '../support/backing.js';
import { bearer, json, startChallengeApp, type ChallengeApp } from './challenge-app.js';

/**
 * GitHub sign-in over HTTP (authorize redirect, state cookie, PKCE, callback, renames, refusals) against the
 * fake GitHub, on what `backing` opens (the memory family when absent): github-login.test.ts runs it in
 * memory, @hdoc/local-run's aws-flows/ on the whole AWS path.
 */
export function describeGitHubLoginFlows(backing?: OpenBacking): void {
  const clock = new ManualClock('2026-03-01T12:00:00.000Z');
  let app: ChallengeApp;

  beforeAll(async () => {
    app = await startChallengeApp({ backing, clock });
  });
  afterAll(() => app?.close());

  const errorCode = (body: unknown): string => (body as { error: { code: string } }).error.code;
  const stateOf = (cookie: string): string => decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
  /** A Set-Cookie line that deletes the state cookie. */
  const clearsStateCookie = (lines: string[]): boolean =>
    lines.some((line) => line.startsWith('hdoc_github_state=;') && line.includes('Expires=Thu, 01 Jan 1970') && line.includes('Path=/auth/github'));

  describe('GET /auth/github', () => {
    it('redirects to GitHub with state and a PKCE S256 challenge, and binds the state to the browser', async () => {
      const start = await app.send('get', '/auth/github');
      expect(start.status).toBe(302);
      expect(start.text).toBe('');
      expect(start.headers.get('cache-control')).toBe('no-store');
      const location = new URL(start.headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe(`${app.github.baseUrl}/login/oauth/authorize`);
      expect(location.searchParams.get('client_id')).toBe(app.github.clientId);
      expect(location.searchParams.get('redirect_uri')).toBe(`${app.server.url}/auth/github/callback`);
      expect(location.searchParams.get('code_challenge_method')).toBe('S256');
      expect(location.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const state = location.searchParams.get('state') ?? '';
      expect(state.length).toBeGreaterThanOrEqual(22);

      const cookies = start.headers.getSetCookie();
      expect(cookies).toHaveLength(1);
      const [cookie = ''] = cookies;
      const attributes = cookie.split(';').map((part) => part.trim());
      expect(stateOf(attributes[0] ?? '')).toBe(state);
      expect(attributes).toEqual(expect.arrayContaining(['Max-Age=600', 'Path=/auth/github', 'HttpOnly', 'SameSite=Lax']));
      // http base URL: not Secure (the browser would drop it).
      expect(attributes).not.toContain('Secure');
    });

    it('marks the cookie Secure when the public base URL is https', async () => {
      const https = await startChallengeApp({ backing, env: { PUBLIC_BASE_URL: 'https://api.example.test' } });
      try {
        const start = await https.send('get', '/auth/github');
        expect(start.status).toBe(302);
        expect(new URL(start.headers.get('location') ?? '').searchParams.get('redirect_uri')).toBe('https://api.example.test/auth/github/callback');
        expect(start.headers.getSetCookie()[0]?.split(';').map((part) => part.trim())).toContain('Secure');
      } finally {
        await https.close();
      }
    });

    it('gives every attempt its own state', async () => {
      const states = await Promise.all([1, 2, 3].map(async () => new URL((await app.send('get', '/auth/github')).headers.get('location') ?? '').searchParams.get('state')));
      expect(new Set(states).size).toBe(3);
    });
  });

  describe('GET /auth/github/callback', () => {
    it('exchanges the code, creates the profile on first sign-in, opens a session and clears the cookie', async () => {
      const user = { login: 'MonaLisa', name: 'Mona Lisa', bio: 'Cloud things', twitter_username: 'mona_x' };
      const attempt = await app.startLogin(user);
      const first = await app.send('get', attempt.callbackPath, { headers: { cookie: attempt.cookie } });
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toBe('no-store');
      expect(clearsStateCookie(first.headers.getSetCookie())).toBe(true);
      const tokens = first.body as Record<string, unknown>;
      expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 900, github_username: 'MonaLisa', profile_created: true });
      expect(typeof tokens.access_token).toBe('string');
      expect(typeof tokens.refresh_token).toBe('string');

      // The session acts as github:MonaLisa.
      const patched = await app.send('patch', '/profiles/me', json({ bio: 'edited' }, bearer(String(tokens.access_token))));
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ github_username: 'MonaLisa', full_name: 'Mona Lisa', bio: 'edited', twitter_username: 'mona_x' });

      // A later sign-in of the same GitHub account (same id) after a case-only rename on GitHub finds the
      // same participant, spelled as GitHub spells it now.
      const again = await app.login({ login: 'monalisa' });
      expect(again).toMatchObject({ github_username: 'monalisa', profile_created: false });
      expect(again.access_token).not.toBe(tokens.access_token);
      expect((await app.send('get', '/profiles/MONALISA')).body).toMatchObject({ github_username: 'monalisa', bio: 'edited' });
    });

    it('follows a GitHub rename over HTTP: the profile, its entries and its leaderboard row move; the old name is free', async () => {
      const before = await app.login({ id: 4242, login: 'old-name', avatar_url: 'https://avatars.githubusercontent.com/u/4242?v=1' });
      const entry = await app.send('put', '/profiles/me/entries/1/github', json({ url: 'https://github.com/old-name/cloud' }, bearer(before.access_token)));
      expect(entry.status).toBe(200);
      const after = await app.login({ id: 4242, login: 'new-name', avatar_url: 'https://avatars.githubusercontent.com/u/4242?v=2' });
      expect(after).toMatchObject({ github_username: 'new-name', profile_created: false });
      expect((await app.send('get', '/profiles/old-name')).status).toBe(404);
      expect((await app.send('get', '/profiles/new-name')).body).toMatchObject({
        github_username: 'new-name',
        github_entry_count: 1,
        avatar_url: 'https://avatars.githubusercontent.com/u/4242?v=2',
      });
      const entries = await app.send('get', '/profiles/new-name/entries');
      expect((entries.body as { items: { github_username: string }[] }).items.map((item) => item.github_username)).toEqual(['new-name']);
      expect((await app.send('get', '/leaderboard/old-name')).status).toBe(404);
      expect((await app.send('get', '/leaderboard/new-name')).body).toMatchObject({ row: { github_username: 'new-name' } });
      // The old login's session is over; the new one edits the moved profile.
      expect((await app.send('patch', '/profiles/me', json({ bio: 'x' }, bearer(before.access_token)))).status).toBe(401);
      expect((await app.send('patch', '/profiles/me', json({ bio: 'moved' }, bearer(after.access_token)))).status).toBe(200);
    });

    it('never lets a reused GitHub name inherit the former holder\'s profile', async () => {
      const holder = await app.login({ id: 5151, login: 'reused', name: 'First Holder' });
      expect((await app.send('put', '/profiles/me/entries/1/github', json({ url: 'https://github.com/reused/cloud' }, bearer(holder.access_token)))).status).toBe(200);
      const newcomer = await app.login({ id: 6262, login: 'Reused', name: 'Second Holder' });
      expect(newcomer).toMatchObject({ github_username: 'Reused', profile_created: true });
      expect((await app.send('get', '/profiles/reused')).body).toMatchObject({ github_username: 'Reused', full_name: 'Second Holder', github_entry_count: 0 });
      expect((await app.send('get', '/profiles/reused/entries')).body).toMatchObject({ items: [] });
      // The former holder's session no longer acts on the name.
      expect((await app.send('patch', '/profiles/me', json({ bio: 'x' }, bearer(holder.access_token)))).status).toBe(401);
      const back = await app.login({ id: 5151, login: 'first-holder-now' });
      expect((await app.send('get', '/profiles/first-holder-now')).body).toMatchObject({ full_name: 'First Holder', github_entry_count: 1 });
      expect(back.profile_created).toBe(false);
    });

    it('answers 401 when the browser holds no state cookie, and the attempt stays usable by its own browser', async () => {
      const attempt = await app.startLogin({ login: 'no-cookie' });
      const forged = await app.send('get', attempt.callbackPath);
      expect(forged.status).toBe(401);
      expect(errorCode(forged.body)).toBe('unauthorized');
      const genuine = await app.send('get', attempt.callbackPath, { headers: { cookie: attempt.cookie } });
      expect(genuine.status).toBe(200);
    });

    it("answers 401 when the cookie holds another attempt's state (login CSRF)", async () => {
      const victim = await app.startLogin({ login: 'victim' });
      const attacker = await app.startLogin({ login: 'attacker' });
      const crossed = await app.send('get', attacker.callbackPath, { headers: { cookie: victim.cookie } });
      expect(crossed.status).toBe(401);
      expect(clearsStateCookie(crossed.headers.getSetCookie())).toBe(true);
      const other = await app.send('get', '/profiles/attacker');
      expect(other.status).toBe(404);
    });

    it('answers 401 to a replayed callback (the attempt is used once)', async () => {
      const attempt = await app.startLogin({ login: 'replayer' });
      expect((await app.send('get', attempt.callbackPath, { headers: { cookie: attempt.cookie } })).status).toBe(200);
      const replay = await app.send('get', attempt.callbackPath, { headers: { cookie: attempt.cookie } });
      expect(replay.status).toBe(401);
    });

    it('answers 401 when GitHub reports that the user denied access', async () => {
      app.github.deny = true;
      try {
        const attempt = await app.startLogin({ login: 'denier' });
        expect(attempt.callbackPath).toContain('error=access_denied');
        const denied = await app.send('get', attempt.callbackPath, { headers: { cookie: attempt.cookie } });
        expect(denied.status).toBe(401);
        expect(errorCode(denied.body)).toBe('unauthorized');
        expect(clearsStateCookie(denied.headers.getSetCookie())).toBe(true);
      } finally {
        app.github.deny = false;
      }
      expect((await app.send('get', '/profiles/denier')).status).toBe(404);
    });

    it('answers 401 when GitHub refuses the code', async () => {
      const attempt = await app.startLogin({ login: 'tamperer' });
      const tampered = attempt.callbackPath.replace(/code=[^&]+/, 'code=forged');
      const answer = await app.send('get', tampered, { headers: { cookie: attempt.cookie } });
      expect(answer.status).toBe(401);
      expect((await app.send('get', '/profiles/tamperer')).status).toBe(404);
    });

    it('answers 400 for a callback without a code', async () => {
      const attempt = await app.startLogin({ login: 'codeless' });
      const answer = await app.send('get', attempt.callbackPath.replace(/code=[^&]+&?/, ''), { headers: { cookie: attempt.cookie } });
      expect(answer.status).toBe(400);
      expect(invalidFields(answer.body)).toEqual(['query.code']);
    });

    it('answers 401 once the attempt has expired (10 minutes)', async () => {
      const attempt = await app.startLogin({ login: 'slowpoke' });
      clock.advance(601_000);
      const late = await app.send('get', attempt.callbackPath, { headers: { cookie: attempt.cookie } });
      expect(late.status).toBe(401);
    });

    it.each([
      { path: '/login/oauth/access_token', body: '<html><body>Maintenance</body></html>', contentType: 'text/html' },
      { path: '/login/oauth/access_token', body: '', contentType: 'application/json' },
      { path: '/user', body: '<html><body>Maintenance</body></html>', contentType: 'text/html' },
      { path: '/user', body: '', contentType: 'text/plain' },
    ])('answers 503 dependency_unavailable when GitHub answers $path with non-JSON ($contentType)', async (raw) => {
      const attempt = await app.startLogin({ login: 'while-github-is-down' });
      app.github.rawAnswer = { status: 200, ...raw };
      try {
        const answer = await app.send('get', attempt.callbackPath, { headers: { cookie: attempt.cookie } });
        expect(answer.status).toBe(503);
        expect(errorCode(answer.body)).toBe('dependency_unavailable');
      } finally {
        app.github.rawAnswer = null;
      }
    });

    it('never writes the code or the state to the logs', async () => {
      const attempt = await app.startLogin({ login: 'quiet' });
      expect((await app.send('get', attempt.callbackPath, { headers: { cookie: attempt.cookie } })).status).toBe(200);
      const text = app.logs.text();
      expect(text).toContain('/auth/github/callback');
      for (const code of app.github.issuedCodes) expect(text).not.toContain(code);
      expect(text).not.toContain(stateOf(attempt.cookie));
    });
  });
}

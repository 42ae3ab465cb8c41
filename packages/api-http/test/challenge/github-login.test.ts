import { ManualClock } from '@hdoc/adapters-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidFields } from '../support/error-details.js';
import { bearer, json, startChallengeApp, type ChallengeApp } from './challenge-app.js';

const clock = new ManualClock('2026-03-01T12:00:00.000Z');
let app: ChallengeApp;

beforeAll(async () => {
  app = await startChallengeApp({ clock });
});
afterAll(() => app.close());

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
    const https = await startChallengeApp({ env: { PUBLIC_BASE_URL: 'https://api.example.test' } });
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

    // A later sign-in, in another casing, finds the same participant.
    const again = await app.login({ login: 'monalisa' });
    expect(again).toMatchObject({ github_username: 'MonaLisa', profile_created: false });
    expect(again.access_token).not.toBe(tokens.access_token);
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

  it('never writes the code or the state to the logs', async () => {
    const attempt = await app.startLogin({ login: 'quiet' });
    expect((await app.send('get', attempt.callbackPath, { headers: { cookie: attempt.cookie } })).status).toBe(200);
    const text = app.logs.text();
    expect(text).toContain('/auth/github/callback');
    for (const code of app.github.issuedCodes) expect(text).not.toContain(code);
    expect(text).not.toContain(stateOf(attempt.cookie));
  });
});

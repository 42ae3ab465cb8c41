import { ManualClock } from '@hdoc/adapters-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenBacking } from '../support/backing.js';
import { bearer, json, startChallengeApp, type ChallengeApp } from './challenge-app.js';

/**
 * GitHub sign-in that returns to the website (return_to, the single-use code, POST /sessions/github), on
 * what `backing` opens (the memory family when absent): github-return-to.test.ts runs it in memory,
 * @hdoc/local-run's aws-flows/ on the whole AWS path.
 */
export function describeGitHubReturnToFlows(backing?: OpenBacking): void {
  const FRONTEND = 'https://app.example.test';
  const clock = new ManualClock('2026-03-01T12:00:00.000Z');
  let app: ChallengeApp;

  beforeAll(async () => {
    app = await startChallengeApp({ backing, clock, env: { FRONTEND_ORIGINS: `${FRONTEND}, http://localhost:5173` } });
  });
  afterAll(() => app?.close());

  const errorCode = (body: unknown): string => (body as { error: { code: string } }).error.code;
  const startPath = (returnTo: string): string => `/auth/github?return_to=${encodeURIComponent(returnTo)}`;

  /** Signs in with `return_to` up to the callback's redirect; returns where it sent the browser. */
  async function signInReturningTo(returnTo: string, login: string): Promise<URL> {
    const attempt = await app.startLogin({ login }, startPath(returnTo));
    const callback = await app.send('get', attempt.callbackPath, { headers: { cookie: attempt.cookie } });
    expect(callback.status, callback.text).toBe(302);
    expect(callback.headers.get('cache-control')).toBe('no-store');
    return new URL(callback.headers.get('location') ?? '');
  }

  const codeOf = (location: URL): string => new URLSearchParams(location.hash.slice(1)).get('code') ?? '';

  describe('GitHub sign-in that returns to the website', () => {
    it('redirects to return_to with a single-use code in the fragment, exchanged once for the session', async () => {
      const location = await signInReturningTo(`${FRONTEND}/signed-in?tab=entries`, 'web-user');
      expect(`${location.origin}${location.pathname}${location.search}`).toBe(`${FRONTEND}/signed-in?tab=entries`);
      const code = codeOf(location);
      expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // Nothing but the code in the URL: no token.
      expect([...new URLSearchParams(location.hash.slice(1)).keys()]).toEqual(['code']);

      const exchanged = await app.send('post', '/sessions/github', json({ code }));
      expect(exchanged.status).toBe(200);
      expect(exchanged.headers.get('cache-control')).toBe('no-store');
      const tokens = exchanged.body as Record<string, unknown>;
      expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 900, github_username: 'web-user', profile_created: true });
      expect(location.href).not.toContain(String(tokens.access_token));
      expect(location.href).not.toContain(String(tokens.refresh_token));
      const edited = await app.send('patch', '/profiles/me', json({ bio: 'from the web' }, bearer(String(tokens.access_token))));
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ github_username: 'web-user', bio: 'from the web' });

      const again = await app.send('post', '/sessions/github', json({ code }));
      expect(again.status).toBe(400);
      expect(errorCode(again.body)).toBe('invalid_grant');
    });

    it('refuses a code after its 60 seconds with invalid_grant', async () => {
      const code = codeOf(await signInReturningTo(`${FRONTEND}/`, 'slow-web-user'));
      clock.advance(60_000);
      const late = await app.send('post', '/sessions/github', json({ code }));
      expect(late.status).toBe(400);
      expect(errorCode(late.body)).toBe('invalid_grant');
    });

    it('accepts a code within its 60 seconds, and refuses one never issued', async () => {
      const code = codeOf(await signInReturningTo('http://localhost:5173/cb', 'quick-web-user'));
      clock.advance(59_000);
      expect((await app.send('post', '/sessions/github', json({ code }))).status).toBe(200);
      const forged = await app.send('post', '/sessions/github', json({ code: 'A'.repeat(43) }));
      expect(forged.status).toBe(400);
      expect(errorCode(forged.body)).toBe('invalid_grant');
      expect((await app.send('post', '/sessions/github', json({}))).status).toBe(400);
    });

    it("always allows the server's own origin", async () => {
      const location = await signInReturningTo(`${app.server.url}/app/`, 'own-origin-user');
      expect(location.origin).toBe(app.server.url);
      expect((await app.send('post', '/sessions/github', json({ code: codeOf(location) }))).status).toBe(200);
    });

    it.each([
      ['another origin', 'https://evil.example.test/steal'],
      ['a look-alike origin', 'https://app.example.test.evil.test/'],
      ['another port of an allowed host', 'https://app.example.test:8443/'],
      ['another scheme of an allowed host', 'http://app.example.test/'],
      ['a fragment', `${FRONTEND}/signed-in#x`],
      ['an empty fragment', `${FRONTEND}/signed-in#`],
      ['a relative URL', '/signed-in'],
      ['a scheme-relative URL', '//evil.example.test/'],
      ['credentials', 'https://user:pass@app.example.test/'],
      ['javascript:', 'javascript:alert(1)'],
    ])('answers 400 invalid_input naming query.return_to for %s, and starts nothing', async (_, returnTo) => {
      const answer = await app.send('get', startPath(returnTo));
      expect(answer.status).toBe(400);
      expect(errorCode(answer.body)).toBe('invalid_input');
      expect(JSON.stringify(answer.body)).toContain('query.return_to');
      expect(answer.headers.getSetCookie()).toEqual([]);
    });

    it('keeps the JSON answer when the sign-in started without return_to', async () => {
      const tokens = await app.login({ login: 'api-client' });
      expect(tokens).toMatchObject({ github_username: 'api-client', token_type: 'Bearer' });
    });
  });
}

import { afterEach, describe, expect, it } from 'vitest';
import type { HttpComposition } from '../../src/composition/compose-http-app.js';
import { loadHttpConfig } from '../../src/composition/config.js';
import { withBacking, type OpenBacking } from '../support/backing.js';
import { captureLogs, startServer, type RunningServer } from '../support/test-server.js';

interface Running {
  readonly composition: HttpComposition;
  readonly server: RunningServer;
  readonly logs: ReturnType<typeof captureLogs>;
  close(): Promise<void>;
}

/** The hidden inputs of the page's form, and its username field's presence. */
function formFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1] ?? ''] = (match[2] ?? '').replaceAll('&amp;', '&').replaceAll('&quot;', '"');
  }
  return fields;
}

/**
 * A browser signing in through the development stand-in, start to finish: /auth/github with return_to,
 * the authorize page, its form, the callback, the return URL's #code, POST /sessions/github.
 */
async function signInAs(base: string, login: string): Promise<Record<string, unknown>> {
  const startAnswer = await fetch(`${base}/auth/github?return_to=${encodeURIComponent(`${base}/app/`)}`, { redirect: 'manual' });
  expect(startAnswer.status).toBe(302);
  const cookie = (startAnswer.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const authorize = new URL(startAnswer.headers.get('location') ?? '');
  expect(`${authorize.origin}${authorize.pathname}`).toBe(`${base}/dev/github/login/oauth/authorize`);

  const page = await fetch(authorize);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await page.text();
  expect(html).toContain('<title>Development sign-in — not GitHub</title>');
  expect(html).toContain('<h1>Development sign-in — not GitHub</h1>');
  expect(html).toMatch(/<input type="text" id="login" name="login"/);

  const posted = await fetch(`${authorize.origin}${authorize.pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...formFields(html), login }),
    redirect: 'manual',
  });
  expect(posted.status).toBe(302);
  const callback = new URL(posted.headers.get('location') ?? '');
  expect(`${callback.origin}${callback.pathname}`).toBe(`${base}/auth/github/callback`);

  const back = await fetch(callback, { headers: { cookie }, redirect: 'manual' });
  expect(back.status, await back.clone().text()).toBe(302);
  const returned = new URL(back.headers.get('location') ?? '');
  expect(`${returned.origin}${returned.pathname}`).toBe(`${base}/app/`);
  const code = new URLSearchParams(returned.hash.slice(1)).get('code') ?? '';

  const exchanged = await fetch(`${base}/sessions/github`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  expect(exchanged.status).toBe(200);
  return (await exchanged.json()) as Record<string, unknown>;
}

/**
 * The development sign-in (`npm start` without GITHUB_CLIENT_ID) and its absence (Lambda), on what
 * `backing` opens (the memory family when absent): dev-sign-in.test.ts runs them in memory,
 * @hdoc/local-run's aws-flows/ on the whole AWS path (as `npm run start:aws-local` offers it).
 */
export function describeDevSignInFlows(backing?: OpenBacking): void {
  const running: Running[] = [];

  /** The app as `npm start` composes it (or as Lambda does, without `developmentSignIn`), on a free port. */
  async function start(env: Record<string, string>, developmentSignIn: boolean): Promise<Running> {
    const logs = captureLogs('info');
    const { app: composition, closeBacking } = await withBacking(backing, (backingEnv, compose) =>
      compose(loadHttpConfig({ ...backingEnv, ...env }), { logger: logs.logger, developmentSignIn }),
    );
    const server = await startServer(composition.app);
    composition.listeningAt(server.url);
    const close = async (): Promise<void> => {
      await server.close();
      await composition.closers.closeAll();
      await closeBacking();
    };
    const run = { composition, server, logs, close };
    running.push(run);
    return run;
  }

  afterEach(async () => {
    for (const run of running.splice(0)) await run.close();
  });

  describe('development sign-in (npm start without GITHUB_CLIENT_ID)', () => {
    it('runs the whole GitHub flow against the local stand-in, through the real adapter, and signs the participant in', async () => {
      const { server, logs } = await start({}, true);
      const tokens = await signInAs(server.url, 'Dev-Ada');
      expect(tokens).toMatchObject({ github_username: 'Dev-Ada', profile_created: true, token_type: 'Bearer' });
      const me = await fetch(`${server.url}/profiles/me`, { headers: { authorization: `Bearer ${String(tokens.access_token)}` } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ github_username: 'Dev-Ada' });
      expect(logs.text()).toContain('development stand-in');

      // The same name again (any case) is the same participant: its numeric id is stable per username.
      const again = await signInAs(server.url, 'dev-ada');
      expect(again).toMatchObject({ profile_created: false });
      const other = await signInAs(server.url, 'dev-grace');
      expect(other).toMatchObject({ github_username: 'dev-grace', profile_created: true });
    });

    it('serves only its own authorize requests, and refuses a bad username on the page', async () => {
      const { server } = await start({}, true);
      const startAnswer = await fetch(`${server.url}/auth/github`, { redirect: 'manual' });
      const authorize = new URL(startAnswer.headers.get('location') ?? '');
      const foreign = new URL(authorize);
      foreign.searchParams.set('redirect_uri', 'https://evil.example.test/callback');
      expect((await fetch(foreign)).status).toBe(400);
      const fields = Object.fromEntries(authorize.searchParams);
      const bad = await fetch(`${authorize.origin}${authorize.pathname}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...fields, login: '-not valid-' }),
        redirect: 'manual',
      });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('Development sign-in — not GitHub');
      // The token endpoint redeems nothing for anyone else.
      const token = await fetch(`${server.url}/dev/github/login/oauth/access_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ client_id: 'hdoc-development-sign-in', client_secret: 'guess', code: 'x' }),
      });
      expect(await token.json()).toMatchObject({ error: 'incorrect_client_credentials' });
    });

    it('is not offered when GITHUB_CLIENT_ID is set', async () => {
      const { server } = await start({ GITHUB_CLIENT_ID: 'real-app', GITHUB_CLIENT_SECRET: 's' }, true);
      const startAnswer = await fetch(`${server.url}/auth/github`, { redirect: 'manual' });
      expect(new URL(startAnswer.headers.get('location') ?? '').origin).toBe('https://github.com');
      expect((await fetch(`${server.url}/dev/github/login/oauth/authorize`)).status).toBe(404);
    });
  });

  describe('no GitHub app and no development sign-in (Lambda)', () => {
    it('answers 503 dependency_unavailable for GitHub sign-in and serves no stand-in', async () => {
      const { server } = await start({}, false);
      const answer = await fetch(`${server.url}/auth/github`, { redirect: 'manual' });
      expect(answer.status).toBe(503);
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('dependency_unavailable');
      expect((await fetch(`${server.url}/dev/github/login/oauth/authorize`)).status).toBe(404);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    });
  });
}

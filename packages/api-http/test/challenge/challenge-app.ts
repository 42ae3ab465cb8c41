import { MemoryEntryVerifier, type ManualClock } from '@hdoc/adapters-memory';
import { Authenticate, LogIn, LogOut, SignUp } from '@hdoc/domain';
import { expect } from 'vitest';
import type { LocalApi } from '../support/local-app.js';
import { loadHttpConfig } from '../../src/composition/config.js';
import { resolverOf } from '@hdoc/composition';
import { checkedFetch, OpenApiValidator, type CheckedResponse } from '../support/openapi-validator.js';
import { withBacking, type OpenBacking } from '../support/backing.js';
import { captureLogs, startServer, type CapturedLogger, type RunningServer } from '../support/test-server.js';
import { FakeGitHubServer, type FakeGitHubUser } from '@hdoc/contract-tests';

/** What a finished GitHub sign-in answered. */
export interface GitHubLogin {
  readonly access_token: string;
  readonly refresh_token: string;
  readonly token_type: string;
  readonly expires_in: number;
  readonly github_username: string;
  readonly profile_created: boolean;
}

/** The steps of a sign-in, for tests that tamper with one of them. */
export interface LoginAttempt {
  /** Where /auth/github sent the browser. */
  readonly authorizeUrl: URL;
  /** The `name=value` of the state cookie it set. */
  readonly cookie: string;
  readonly setCookie: string;
  /** Path and query of the callback GitHub sent the browser back to. */
  readonly callbackPath: string;
}

/** The real app (its backing's adapters, the real GitHub OAuth adapter against the fake) on a listening server. */
export interface ChallengeApp {
  readonly composition: LocalApi;
  readonly server: RunningServer;
  readonly github: FakeGitHubServer;
  readonly verifier: MemoryEntryVerifier;
  readonly logs: CapturedLogger;
  /** fetch, every answer checked against /openapi.json. */
  readonly send: ReturnType<typeof checkedFetch>;
  /** /auth/github (or `startPath`), then GitHub's authorize page as `user`, up to (not including) the callback. */
  startLogin(user: FakeGitHubUser, startPath?: string): Promise<LoginAttempt>;
  /** The whole sign-in; returns the callback's answer. */
  login(user: FakeGitHubUser): Promise<GitHubLogin>;
  /** A session of a password account (not a participant), through the identity use cases. */
  passwordUserToken(username: string): Promise<string>;
  /** Revokes the session of an access token (logout). */
  logOut(accessToken: string): Promise<void>;
  close(): Promise<void>;
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

/** JSON request init. */
export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export async function startChallengeApp(
  options: { clock?: ManualClock; env?: Record<string, string>; backing?: OpenBacking | undefined } = {},
): Promise<ChallengeApp> {
  const github = await FakeGitHubServer.start();
  const verifier = new MemoryEntryVerifier();
  const logs = captureLogs('debug');
  const { app: composition, closeBacking } = await withBacking(options.backing, (backingEnv, compose) =>
    compose(
      loadHttpConfig({
        GITHUB_CLIENT_ID: github.clientId,
        GITHUB_CLIENT_SECRET: github.clientSecret,
        GITHUB_WEB_BASE_URL: github.baseUrl,
        GITHUB_API_BASE_URL: github.baseUrl,
        ...backingEnv,
        ...options.env,
      }),
      { logger: logs.logger, overrides: { entryVerifier: verifier, ...(options.clock ? { clock: options.clock } : {}) } },
    ),
  );
  const server = await startServer(composition.app);
  composition.listeningAt(server.url);
  const send = checkedFetch(server.url, new OpenApiValidator(composition.openApi));
  const resolve = resolverOf(composition.container);

  const startLogin = async (user: FakeGitHubUser, startPath = '/auth/github'): Promise<LoginAttempt> => {
    const start = await send('get', startPath);
    expect(start.status).toBe(302);
    const setCookie = start.headers.getSetCookie().find((line) => line.startsWith('hdoc_github_state=')) ?? '';
    const authorizeUrl = new URL(start.headers.get('location') ?? '');
    github.signedIn = user;
    const back = await fetch(authorizeUrl, { redirect: 'manual' });
    expect(back.status).toBe(302);
    const callback = new URL(back.headers.get('location') ?? '');
    expect(callback.origin).toBe(server.url);
    return { authorizeUrl, setCookie, cookie: setCookie.split(';')[0] ?? '', callbackPath: `${callback.pathname}${callback.search}` };
  };

  const login = async (user: FakeGitHubUser): Promise<GitHubLogin> => {
    const attempt = await startLogin(user);
    const answer: CheckedResponse = await send('get', attempt.callbackPath, { headers: { cookie: attempt.cookie } });
    expect(answer.status, answer.text).toBe(200);
    return answer.body as GitHubLogin;
  };

  return {
    composition,
    server,
    github,
    verifier,
    logs,
    send,
    startLogin,
    login,
    passwordUserToken: async (username) => {
      const password = 'a long enough password';
      await resolve(SignUp).execute({ username, password, clientAddress: '127.0.0.1' });
      const tokens = await resolve(LogIn).execute({ username, password, clientAddress: '127.0.0.1' });
      return tokens.accessToken;
    },
    logOut: async (accessToken) => {
      const actor = await resolve(Authenticate).execute({ accessToken });
      await resolve(LogOut).execute({ actor });
    },
    close: async () => {
      await server.close();
      await composition.closers.closeAll();
      await closeBacking();
      await github.stop();
    },
  };
}

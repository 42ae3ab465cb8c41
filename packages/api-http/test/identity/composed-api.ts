import type { ManualClock } from '@hdoc/adapters-memory';
import { pino } from 'pino';
import { expect } from 'vitest';
import type { LocalApi } from '../support/local-app.js';
import { withBacking, type OpenBacking } from '../support/backing.js';
import { loadHttpConfig } from '../../src/composition/config.js';
import type { CheckedSend } from '../support/fuzz.js';
import { checkedFetch, OpenApiValidator } from '../support/openapi-validator.js';
import { startServer, type RunningServer } from '../support/test-server.js';

/** Session tokens as the API answers them. */
export interface TokensJson {
  readonly access_token: string;
  readonly refresh_token: string;
  readonly token_type: string;
  readonly expires_in: number;
}

/** A signed-up, logged-in user. */
export interface Account {
  readonly id: string;
  readonly username: string;
  readonly password: string;
  readonly tokens: TokensJson;
  /** `Authorization` header for the account's access token. */
  readonly auth: { readonly authorization: string };
}

/** The real app (its backing's adapters, real argon2 and jose) on a listening server, every answer checked. */
export interface ComposedApi {
  readonly composition: LocalApi;
  readonly server: RunningServer;
  readonly send: CheckedSend;
  /** Signs up and logs in. */
  account(username: string, password?: string): Promise<Account>;
  close(): Promise<void>;
}

/** Request options for a JSON body. */
export function json(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** `Authorization` header for an access token. */
export function bearer(accessToken: string): { authorization: string } {
  return { authorization: `Bearer ${accessToken}` };
}

/** Composes the app as `npm start` does, with an optional ManualClock, backing (memory when absent) and extra environment. */
export async function startComposedApi(
  options: { clock?: ManualClock; env?: Record<string, string>; backing?: OpenBacking | undefined } = {},
): Promise<ComposedApi> {
  const { app: composition, closeBacking } = await withBacking(options.backing, (backingEnv, compose) =>
    compose(loadHttpConfig({ LOG_LEVEL: 'silent', ...backingEnv, ...options.env }), {
      logger: pino({ level: 'silent' }),
      ...(options.clock ? { overrides: { clock: options.clock } } : {}),
    }),
  );
  const server = await startServer(composition.app);
  composition.listeningAt(server.url);
  const send = checkedFetch(server.url, new OpenApiValidator(composition.openApi));
  const account = async (username: string, password = 'correct horse battery'): Promise<Account> => {
    const created = await send('post', '/users', json({ username, password }));
    expect(created.status).toBe(201);
    const login = await send('post', '/sessions', json({ username, password }));
    expect(login.status).toBe(200);
    const tokens = login.body as TokensJson;
    const { id } = created.body as { id: string };
    return { id, username, password, tokens, auth: bearer(tokens.access_token) };
  };
  return {
    composition,
    server,
    send,
    account,
    close: async () => {
      await server.close();
      await composition.closers.closeAll();
      await closeBacking();
    },
  };
}

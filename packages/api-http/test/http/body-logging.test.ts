import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeHttpApp, type HttpComposition } from '../../src/composition/compose-http-app.js';
import { loadHttpConfig } from '../../src/composition/config.js';
import { createLogger } from '@hdoc/composition';
import { startServer, type RunningServer } from '../support/test-server.js';

/** The real app with the real logger at debug level, its lines kept in memory. */
let composition: HttpComposition;
let server: RunningServer;
let logged = '';

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logged += chunk.toString('utf8');
      callback();
    },
  });
  const config = loadHttpConfig({ LOG_LEVEL: 'debug' });
  composition = await composeHttpApp(config, { logger: createLogger({ level: 'debug', service: 'test', destination: sink }) });
  server = await startServer(composition.app);
  composition.listeningAt(server.url);
});
afterAll(async () => {
  await server.close();
  await composition.closers.closeAll();
});

async function post(path: string, body: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

/** Waits until the request's completion line is written (the logger writes it when the answer is finished). */
async function completed(response: Response): Promise<void> {
  const id = response.headers.get('x-request-id') ?? '';
  await response.arrayBuffer();
  for (let attempt = 0; attempt < 100 && !logged.split('\n').some((line) => line.includes(id) && line.includes('request completed')); attempt++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect(logged).toContain(id);
}

describe('at debug level, request bodies never reach the log', () => {
  it('a malformed login body (password and all) and refresh bodies (live refresh tokens) are never logged', async () => {
    const password = 'pw-Secret-7f3a9c21-horse';
    await completed(await post('/users', JSON.stringify({ username: 'logcheck', password })));
    // Malformed JSON: body-parser's error carries the raw body, and JSON.parse quotes it in its message.
    const malformed = await post('/sessions', `{"username":"logcheck","password":"${password}"`);
    expect(malformed.status).toBe(400);
    await completed(malformed);
    const truncated = await post('/sessions', `{"password":"${password}`);
    await completed(truncated);
    const login = await post('/sessions', JSON.stringify({ username: 'logcheck', password }));
    const tokens = (await login.json()) as { refresh_token: string; access_token: string };
    await completed(await post('/sessions/refresh', `{"refresh_token":"${tokens.refresh_token}"`));
    await completed(await post('/sessions/refresh', `["${tokens.refresh_token}"]`));
    const rotated = await post('/sessions/refresh', JSON.stringify({ refresh_token: tokens.refresh_token }));
    expect(rotated.status).toBe(200);
    const next = (await rotated.json()) as { refresh_token: string };
    await completed(await post('/sessions/refresh', JSON.stringify({ refresh_token: next.refresh_token, extra: next.refresh_token })));
    for (const secret of [password, tokens.refresh_token, tokens.access_token, next.refresh_token]) expect(logged).not.toContain(secret);
  });
});

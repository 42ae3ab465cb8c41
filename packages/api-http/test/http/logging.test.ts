import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger } from '@hdoc/composition';
import { redactUrl } from '../../src/http/logging/request-logging.js';
import { ALICE_TOKEN, exampleApp } from '../support/example-api.js';
import type { CapturedLogger } from '../support/test-server.js';
import { startServer, type RunningServer } from '../support/test-server.js';

let server: RunningServer;
let logs: CapturedLogger;

beforeAll(async () => {
  const example = exampleApp();
  logs = example.logs;
  server = await startServer(example.app);
});
afterAll(() => server.close());

/** Waits for the request's completion line (written when the response finishes). */
async function linesOf(requestId: string): Promise<Record<string, unknown>[]> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const lines = logs.lines().filter((line) => line.request_id === requestId);
    if (lines.some((line) => line.msg === 'request completed' || line.msg === 'request errored')) return lines;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no completion line for ${requestId}`);
}

describe('request logs', () => {
  it('carries the request id on every line of the request, handler lines included', async () => {
    const response = await fetch(`${server.url}/examples/abc`, { headers: { authorization: `Bearer ${ALICE_TOKEN}` } });
    const id = response.headers.get('x-request-id') ?? '';
    const lines = await linesOf(id);
    const handlerLine = lines.find((line) => line.msg === 'reading example');
    expect(handlerLine).toMatchObject({ request_id: id, subject: 'user-alice', example_id: 'abc' });
    const completion = lines.find((line) => line.msg === 'request completed');
    expect(completion).toMatchObject({ level: 30, request_id: id, res: { status: 200 } });
    expect(typeof completion?.duration_ms).toBe('number');
  });

  it('never writes tokens, cookies, passwords or bodies', async () => {
    const secrets = {
      token: ALICE_TOKEN,
      cookie: 'session=cookie-secret-42',
      password: 'pw-secret-1234',
      code: 'oauth-code-secret',
    };
    await fetch(`${server.url}/examples/abc`, {
      headers: { authorization: `Bearer ${secrets.token}`, cookie: secrets.cookie },
    });
    const created = await fetch(`${server.url}/examples?code=${secrets.code}&state=s`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: secrets.cookie },
      body: JSON.stringify({ title: 'body-title-marker', password: secrets.password }),
    });
    await linesOf(created.headers.get('x-request-id') ?? '');
    const text = logs.text();
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
    expect(text).not.toContain('body-title-marker');
  });

  it('redacts secret-looking fields a handler might log by mistake', () => {
    logs.logger.info(
      {
        body: { password: 'p1-secret', refresh_token: 'r1-secret' },
        access_token: 'a1-secret',
        req: { headers: { authorization: 'Bearer h1-secret', cookie: 'c1-secret' } },
      },
      'oops',
    );
    const text = logs.text();
    for (const secret of ['p1-secret', 'r1-secret', 'a1-secret', 'h1-secret', 'c1-secret']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it('drops the request content errors carry (body-parser keeps the raw body in `body`)', () => {
    const parserError = Object.assign(new SyntaxError('Unexpected end of JSON input'), { body: '{"password":"b1-secret"', type: 'entity.parse.failed' });
    logs.logger.error({ err: parserError }, 'failed');
    const line = logs.lines().at(-1);
    expect(line).toMatchObject({ err: { type: 'SyntaxError', message: 'Unexpected end of JSON input' } });
    expect(logs.text()).not.toContain('b1-secret');
  });

  it('logs a 500 at error level with the cause, which the client never sees', async () => {
    const response = await fetch(`${server.url}/example-failures/bug`);
    expect(await response.text()).not.toContain('hunter2');
    const lines = await linesOf(response.headers.get('x-request-id') ?? '');
    const failure = lines.find((line) => line.level === 50);
    expect(failure).toBeDefined();
    expect(JSON.stringify(failure)).toContain('TypeError');
    expect(JSON.stringify(failure)).toContain('hunter2');
  });

  it('logs client errors at info level without an error object', async () => {
    const response = await fetch(`${server.url}/nowhere`);
    const lines = await linesOf(response.headers.get('x-request-id') ?? '');
    const completion = lines.find((line) => line.msg === 'request completed');
    expect(completion).toMatchObject({ level: 30, res: { status: 404 } });
    expect(completion?.err).toBeUndefined();
  });
});

describe('redactUrl', () => {
  it('replaces secret query values and keeps the rest', () => {
    expect(redactUrl('/auth/github/callback?code=abc&state=xyz&page=2')).toBe(
      '/auth/github/callback?code=%5Bredacted%5D&state=%5Bredacted%5D&page=2',
    );
    expect(redactUrl('/upload?X-Amz-Signature=s&X-Amz-Credential=c&key=photos%2Fa')).toBe(
      '/upload?X-Amz-Signature=%5Bredacted%5D&X-Amz-Credential=%5Bredacted%5D&key=photos%2Fa',
    );
    expect(redactUrl('/photos?limit=5')).toBe('/photos?limit=5');
    expect(redactUrl('/photos')).toBe('/photos');
  });
});

describe('createLogger', () => {
  it('stamps every line with the current ISO time and redacts secrets', async () => {
    let text = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        text += chunk.toString('utf8');
        callback();
      },
    });
    const logger = createLogger({ level: 'info', service: 'test', destination: sink });
    const before = Date.now();
    logger.info({ password: 'p-secret' }, 'first');
    await new Promise((resolve) => setTimeout(resolve, 5));
    logger.info('second');
    const after = Date.now();
    const lines = text.trim().split('\n').map((line) => JSON.parse(line) as { time: string; msg: string; service: string });
    expect(lines.map((line) => line.msg)).toEqual(['first', 'second']);
    for (const line of lines) {
      expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Date.parse(line.time)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(line.time)).toBeLessThanOrEqual(after);
      expect(line.service).toBe('test');
    }
    expect(Date.parse(lines[1]!.time)).toBeGreaterThan(Date.parse(lines[0]!.time));
    expect(text).not.toContain('p-secret');
  });
});

import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorHandler, notFoundHandler } from '../../src/http/errors/error-handler.js';
import { rejectAllTokens } from '../../src/http/routing/authenticate.js';
import { defineRoute } from '../../src/http/routing/define-route.js';
import { jsonBodyReader } from '../../src/http/routing/request-input.js';
import { routeDispatcher } from '../../src/http/routing/route-dispatcher.js';
import { startServer, type RunningServer } from '../support/test-server.js';

/** One route with two path parameters, the shape of `/profiles/{username}/entries/{day}/{entry_type}`. */
const pairRoute = defineRoute({
  method: 'get',
  path: '/pairs/{left}/with/{right}',
  summary: 'Echo two path parameters',
  tags: ['test'],
  auth: 'none',
  request: { params: z.object({ left: z.string(), right: z.string() }) },
  responses: { 200: z.strictObject({ left: z.string(), right: z.string() }) },
}).handle(async ({ params }) => ({ status: 200, body: params }));

let server: RunningServer;

beforeAll(async () => {
  const app = express();
  app.use(routeDispatcher([pairRoute], { authenticate: rejectAllTokens, resolve: () => undefined as never, readBody: jsonBodyReader(1024) }));
  app.use(notFoundHandler);
  app.use(errorHandler);
  server = await startServer(app);
});
afterAll(() => server.close());

async function statusOf(path: string): Promise<number> {
  return (await fetch(`${server.url}${path}`)).status;
}

describe('routeDispatcher', () => {
  it('decodes path parameters', async () => {
    expect(await (await fetch(`${server.url}/pairs/a%2Fb/with/%C3%A9`)).json()).toEqual({ left: 'a/b', right: 'é' });
  });

  it('never matches an empty parameter, as express does, nor lists its methods for OPTIONS', async () => {
    expect(await statusOf('/pairs//with/x')).toBe(404);
    expect((await fetch(`${server.url}/pairs//with/x`, { method: 'OPTIONS' })).status).toBe(404);
    const known = await fetch(`${server.url}/pairs/a/with/x`, { method: 'OPTIONS' });
    expect([known.status, known.headers.get('allow')]).toEqual([204, 'GET, HEAD, OPTIONS']);
  });

  it('answers 400 for undecodable percent-encoding only on a path that names the route', async () => {
    expect(await statusOf('/pairs/x/with/%E0%A4%A')).toBe(400);
    expect(await statusOf('/pairs//with/%E0%A4%A')).toBe(404);
    expect(await statusOf('/pairs/x/without/%E0%A4%A')).toBe(404);
  });
});

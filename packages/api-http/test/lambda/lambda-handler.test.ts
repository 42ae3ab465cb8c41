import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { composeHttpApp } from '../../src/composition/compose-http-app.js';
import { loadHttpConfig } from '../../src/composition/config.js';
import { defineRoute } from '../../src/http/routing/define-route.js';
import { createLambdaHandler } from '../../src/lambda-handler.js';
import { AuthenticateToken } from '../../src/composition/tokens.js';
import { exampleAuthenticate, exampleRoutes } from '../support/example-api.js';
import { OpenApiValidator } from '../support/openapi-validator.js';
import { captureLogs } from '../support/test-server.js';

/** Echoes what the app saw of the request, to check the event -> request translation. */
const echo = defineRoute({
  method: 'post',
  path: '/echo',
  summary: 'Echo',
  tags: ['test'],
  auth: 'none',
  request: { body: z.strictObject({ text: z.string() }), query: z.object({ n: z.coerce.number().int().optional() }) },
  responses: { 200: z.strictObject({ text: z.string(), n: z.number().nullable(), cookie: z.string().nullable(), ip: z.string() }) },
}).handle(async ({ body, query, req, res }) => {
  await Promise.resolve();
  res.cookie('seen', '1', { httpOnly: true });
  res.cookie('theme', 'dark');
  return { status: 200, body: { text: body.text, n: query.n ?? null, cookie: req.headers.cookie ?? null, ip: req.ip ?? '' } };
});

const logs = captureLogs();
// The example routes' stand-in sign-in replaces the app's own bearer-token check.
const identity = new ContainerModule(({ rebind }) => {
  rebind(AuthenticateToken).toConstantValue(exampleAuthenticate);
});
const composition = composeHttpApp(loadHttpConfig({}), {
  logger: logs.logger,
  modules: [identity],
  routes: [...exampleRoutes, echo],
});
const handler = createLambdaHandler(composition);

/** An API Gateway HTTP API payload 2.0 event as AWS sends it. */
function event(
  method: string,
  rawPath: string,
  options: { rawQueryString?: string; headers?: Record<string, string>; body?: string; isBase64Encoded?: boolean; cookies?: string[] } = {},
): APIGatewayProxyEventV2 {
  const rawQueryString = options.rawQueryString ?? '';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    ...(options.cookies ? { cookies: options.cookies } : {}),
    headers: {
      accept: 'application/json',
      host: 'abc123.execute-api.eu-west-1.amazonaws.com',
      'user-agent': 'curl/8.5.0',
      'x-amzn-trace-id': 'Root=1-65f0c0de-0123456789abcdef01234567',
      'x-forwarded-for': '203.0.113.9',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      ...(options.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(options.body, options.isBase64Encoded ? 'base64' : 'utf8')) }),
      ...options.headers,
    },
    ...(rawQueryString === ''
      ? {}
      : { queryStringParameters: Object.fromEntries(new URLSearchParams(rawQueryString)) }),
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'curl/8.5.0' },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey: '$default',
      stage: '$default',
      time: '12/Mar/2026:19:03:58 +0000',
      timeEpoch: 1_773_342_238_000,
    },
    ...(options.body === undefined ? {} : { body: options.body }),
    isBase64Encoded: options.isBase64Encoded ?? false,
  };
}

const context = {
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  functionName: 'hdoc-api',
  getRemainingTimeInMillis: () => 29_000,
} as unknown as Context;

async function invoke(method: string, path: string, options: Parameters<typeof event>[2] = {}) {
  const result = await handler(event(method, path, options), context);
  const { openApi } = await composition;
  const headers = new Headers(Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)]));
  const text = result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64').toString('utf8') : (result.body ?? '');
  const body = new OpenApiValidator(openApi).check(method, path, { status: result.statusCode ?? 0, headers, text });
  return { result, headers, body };
}

describe('the API Gateway HTTP API (payload 2.0) handler', () => {
  it('serves a GET with a query string', async () => {
    const { result, body, headers } = await invoke('GET', '/examples/abc', {
      rawQueryString: 'limit=5&tag=sea&tag=sky',
      headers: { authorization: 'Bearer alice.token-123' },
    });
    expect(result.statusCode).toBe(200);
    expect(body).toEqual({ id: 'abc', owner: 'user-alice', limit: 5, tags: ['sea', 'sky'], order: 'desc' });
    expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const line = logs.lines().find((entry) => entry.request_id === headers.get('x-request-id') && 'res' in entry);
    expect(line).toMatchObject({ msg: 'request completed', res: { status: 200 } });
  });

  it('serves a POST with a JSON body, passes cookies and the source IP, and returns set cookies', async () => {
    const { result, body } = await invoke('POST', '/echo', {
      rawQueryString: 'n=3',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hi' }),
      cookies: ['a=1', 'b=2'],
    });
    expect(result.statusCode).toBe(200);
    expect(body).toEqual({ text: 'hi', n: 3, cookie: 'a=1; b=2', ip: '203.0.113.9' });
    // Payload 2.0 returns several Set-Cookie headers in `cookies`.
    expect(result.cookies).toEqual(['seen=1; Path=/; HttpOnly', 'theme=dark; Path=/']);
  });

  it('decodes a base64 body', async () => {
    const { result, body } = await invoke('POST', '/echo', {
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify({ text: 'é from base64' })).toString('base64'),
      isBase64Encoded: true,
    });
    expect(result.statusCode).toBe(200);
    expect((body as { text: string }).text).toBe('é from base64');
  });

  it('answers errors in the API shape', async () => {
    const invalid = await invoke('POST', '/examples', { headers: { 'content-type': 'application/json' }, body: '{"title":' });
    expect(invalid.result.statusCode).toBe(400);
    expect(invalid.body).toMatchObject({ error: { code: 'invalid_json' } });
    const missing = await invoke('GET', '/no/such/route');
    expect(missing.result.statusCode).toBe(404);
    const unauthenticated = await invoke('GET', '/examples/abc');
    expect(unauthenticated.result.statusCode).toBe(401);
    expect(unauthenticated.headers.get('www-authenticate')).toBe('Bearer realm="hdoc"');
    const bug = await invoke('GET', '/example-failures/bug');
    expect(bug.result.statusCode).toBe(500);
    expect(bug.body).toEqual({ error: { code: 'internal', message: 'internal error', details: [] } });
  });

  it('keeps the request id API Gateway-side callers send', async () => {
    const { headers } = await invoke('GET', '/healthz', { headers: { 'x-request-id': 'gw-JKJaXmPLvHcESHA' } });
    expect(headers.get('x-request-id')).toBe('gw-JKJaXmPLvHcESHA');
  });
});

describe('the lambda entry point', () => {
  it('composes once at load and serves /healthz', async () => {
    const { handler: entry } = await import('../../src/lambda.js');
    const result = await entry(event('GET', '/healthz'), context);
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? '')).toEqual({ status: 'ok' });
  });
});

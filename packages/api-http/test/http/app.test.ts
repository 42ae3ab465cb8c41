import { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detailOf, errorOf, invalidFields } from '../support/error-details.js';
import { ALICE, ALICE_TOKEN, exampleApp, STORE_DOWN_TOKEN } from '../support/example-api.js';
import { checkedFetch, OpenApiValidator } from '../support/openapi-validator.js';
import { startServer, type RunningServer } from '../support/test-server.js';

let server: RunningServer;
let send: ReturnType<typeof checkedFetch>;
const auth = { authorization: `Bearer ${ALICE_TOKEN}` };
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  const { app, openApi } = exampleApp({ corsOrigins: ['https://app.example.com'] });
  server = await startServer(app);
  send = checkedFetch(server.url, new OpenApiValidator(openApi));
});
afterAll(() => server.close());

describe('validated routes', () => {
  it('passes coerced query values, list parameters and the principal to the handler', async () => {
    const response = await send('get', '/examples/abc-1?limit=7&tag=sea&tag=sky&order=asc', { headers: auth });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: 'abc-1', owner: ALICE.subject, limit: 7, tags: ['sea', 'sky'], order: 'asc' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('applies defaults, takes one value as a one-item list, and treats empty values as absent', async () => {
    const response = await send('get', '/examples/abc?tag=sea&limit=&unknown=1', { headers: auth });
    expect(response.body).toEqual({ id: 'abc', owner: ALICE.subject, limit: 20, tags: ['sea'], order: 'desc' });
  });

  it.each([
    ['/examples/abc?limit=0', 'query.limit'],
    ['/examples/abc?limit=1e309', 'query.limit'],
    ['/examples/abc?limit=99999999999999999999', 'query.limit'],
    ['/examples/abc?limit=2.5', 'query.limit'],
    ['/examples/abc?limit=abc', 'query.limit'],
    ['/examples/abc?limit=1&limit=2', 'query.limit'],
    ['/examples/abc?order=up', 'query.order'],
    ['/examples/abc?tag=a&tag=b&tag=c&tag=d&tag=e&tag=f', 'query.tag'],
    [`/examples/abc?tag=ok&tag=${'x'.repeat(51)}`, 'query.tag[1]'],
    ['/examples/UPPER', 'path.example_id'],
  ])('rejects %s with 400 naming %s', async (path, field) => {
    const response = await send('get', path, { headers: auth });
    expect(response.status).toBe(400);
    expect(errorOf(response.body).code).toBe('invalid_input');
    expect(invalidFields(response.body)).toEqual([field]);
    expect(errorOf(response.body).message.startsWith(`${field}:`)).toBe(true);
  });

  it('creates from a valid JSON body with defaults applied', async () => {
    const response = await send('post', '/examples', {
      headers: json,
      body: JSON.stringify({ title: 'hello', meta: { note: 'n' } }),
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ title: 'hello', tags: [], note: 'n' });
  });

  it.each([
    [{ title: 'x', tags: ['a', 'b', 'c', ''] }, 'body.tags[3]'],
    [{ title: 'x', titel: 'typo' }, 'body.titel'],
    [{ title: 'x', meta: { note: 'n', extra: 1 } }, 'body.meta.extra'],
    [{ title: 'x', 'odd key': 1 }, 'body["odd key"]'],
    [{ tags: [] }, 'body.title'],
    [{ title: 5 }, 'body.title'],
    [[1, 2], 'body'],
    [JSON.parse('{"title":"x","__proto__":{"admin":true}}') as object, 'body.__proto__'],
  ])('rejects body %j with 400 naming %s', async (body, field) => {
    const response = await send('post', '/examples', { headers: json, body: JSON.stringify(body) });
    expect(response.status).toBe(400);
    expect(errorOf(response.body).code).toBe('invalid_input');
    expect(invalidFields(response.body)).toEqual([field]);
  });

  it('rejects a missing body with 400 naming the body', async () => {
    const response = await send('post', '/examples', { headers: json });
    expect(response.status).toBe(400);
    expect(errorOf(response.body)).toMatchObject({ code: 'invalid_input', details: [{ field: 'body', message: 'is required' }] });
  });

  it('lists every invalid field of path, query and body at once', async () => {
    const response = await send('patch', '/examples/UPPER?dry_run=maybe', {
      headers: json,
      body: JSON.stringify({ title: '', tags: ['ok', 'x'.repeat(51)], titel: 'typo' }),
    });
    expect(response.status).toBe(400);
    expect(errorOf(response.body).code).toBe('invalid_input');
    expect(invalidFields(response.body).sort()).toEqual(
      ['path.example_id', 'query.dry_run', 'body.title', 'body.tags[1]', 'body.titel'].sort(),
    );
    expect(errorOf(response.body).message).toContain('path.example_id: ');
    expect(errorOf(response.body).message).toContain('body.titel: unknown field');
  });

  it.each([
    ['/examples/abc?limit=abc', 'query.limit', 'must be a number'],
    ['/examples/abc?limit=2.5', 'query.limit', 'must be an integer'],
    ['/examples/abc?limit=0', 'query.limit', 'must be at least 1'],
    ['/examples/abc?limit=101', 'query.limit', 'must be at most 100'],
    ['/examples/abc?order=up', 'query.order', 'must be one of asc, desc'],
    ['/examples/abc?tag=a&tag=b&tag=c&tag=d&tag=e&tag=f', 'query.tag', 'must have at most 5 items'],
    ['/examples/abc?limit=1&limit=2', 'query.limit', 'must be given at most once'],
  ])('writes %s messages for people', async (path, field, message) => {
    const response = await send('get', path, { headers: auth });
    expect(detailOf(response.body, field)).toBe(message);
  });

  it.each([
    [{}, 'body.title', 'is required'],
    [{ title: 5 }, 'body.title', 'must be a string'],
    [{ title: 'x'.repeat(101) }, 'body.title', 'must be at most 100 characters'],
    [{ title: '' }, 'body.title', 'must not be empty'],
    [{ title: 'x', titel: 'y' }, 'body.titel', 'unknown field'],
    [{ title: 'x', tags: 'a' }, 'body.tags', 'must be a list'],
  ])('writes body messages for people: %j', async (body, field, message) => {
    const response = await send('post', '/examples', { headers: json, body: JSON.stringify(body) });
    expect(detailOf(response.body, field)).toBe(message);
  });

  it.each([
    ['domain-body', 'body.tags[1]', 'must be unique'],
    ['domain-path', 'path.example_id', 'is reserved'],
    ['domain-other', 'body.confidence', 'must be an integer from 0 to 100'],
  ])('places a domain ValidationError (%s) under the route part that declares it, else the body', async (title, field, message) => {
    const response = await send('patch', '/examples/abc', { headers: json, body: JSON.stringify({ title }) });
    expect(response.status).toBe(400);
    expect(errorOf(response.body)).toEqual({ code: 'invalid_input', message: `${field}: ${message}`, details: [{ field, message }] });
  });

  it('lists malformed JSON with the other invalid fields, as invalid_json', async () => {
    const response = await send('patch', '/examples/UPPER', { headers: json, body: '{"title": "x",' });
    expect(response.status).toBe(400);
    expect(errorOf(response.body).code).toBe('invalid_json');
    expect(invalidFields(response.body)).toEqual(['path.example_id', 'body']);
  });

  it('answers 400 invalid_json for malformed JSON', async () => {
    const response = await send('post', '/examples', { headers: json, body: '{"title": "x",' });
    expect(response.status).toBe(400);
    expect(errorOf(response.body).code).toBe('invalid_json');
  });

  it.each([
    ['text/plain', 'title=x'],
    ['application/x-www-form-urlencoded', 'title=x'],
    ['application/json; charset=latin1', '{"title":"x"}'],
  ])('answers 415 for a %s body', async (type, body) => {
    const response = await send('post', '/examples', { headers: { 'content-type': type }, body });
    expect(response.status).toBe(415);
    expect(errorOf(response.body).code).toBe('unsupported_media_type');
  });

  it('accepts +json media types', async () => {
    const response = await send('post', '/examples', {
      headers: { 'content-type': 'application/merge-patch+json' },
      body: JSON.stringify({ title: 'x' }),
    });
    expect(response.status).toBe(201);
  });

  it('answers 413 for a body over 64 KiB and accepts one just under', async () => {
    const tooBig = JSON.stringify({ title: 'x', tags: ['y'.repeat(65 * 1024)] });
    const big = await send('post', '/examples', { headers: json, body: tooBig });
    expect(big.status).toBe(413);
    expect(errorOf(big.body).code).toBe('payload_too_large');
    const fits = JSON.stringify({ title: 'x', meta: { note: 'n' }, password: 'p'.repeat(100) }).padEnd(60 * 1024, ' ');
    expect((await send('post', '/examples', { headers: json, body: fits })).status).toBe(201);
  });

  it('answers 204 without a body', async () => {
    const response = await send('delete', '/examples/abc', { headers: auth });
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
  });
});

describe('authentication', () => {
  it('answers 401 with a Bearer challenge when the token is missing', async () => {
    const response = await send('get', '/examples/abc');
    expect(response.status).toBe(401);
    expect(errorOf(response.body).code).toBe('unauthorized');
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="hdoc"');
  });

  it.each(['Bearer wrong', 'Basic dXNlcjpwYXNz', 'Bearer', `Bearer ${ALICE_TOKEN} extra`, `Bearer ${ALICE_TOKEN}\u00e9`])(
    'answers the same 401 for %j',
    async (authorization) => {
      const response = await send('get', '/examples/abc', { headers: { authorization } });
      expect(response.status).toBe(401);
      expect(errorOf(response.body)).toEqual({ code: 'unauthorized', message: 'a valid bearer access token is required', details: [] });
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="hdoc", error="invalid_token"');
    },
  );

  it('authenticates before validating, so anonymous callers learn nothing about inputs', async () => {
    const response = await send('get', '/examples/UPPER?limit=0');
    expect(response.status).toBe(401);
  });

  it('accepts the scheme case-insensitively', async () => {
    expect((await send('get', '/examples/abc', { headers: { authorization: `bearer ${ALICE_TOKEN}` } })).status).toBe(200);
  });

  it('answers 503 when the authenticator cannot reach its store', async () => {
    const response = await send('get', '/examples/abc', { headers: { authorization: `Bearer ${STORE_DOWN_TOKEN}` } });
    expect(response.status).toBe(503);
    expect(errorOf(response.body).code).toBe('dependency_unavailable');
  });
});

describe('error mapping', () => {
  it.each([
    ['validation', 400, 'invalid_input', 'body.tags[3]'],
    ['unauthorized', 401, 'unauthorized', undefined],
    ['forbidden', 403, 'forbidden', undefined],
    ['not_found', 404, 'not_found', undefined],
    ['username_taken', 409, 'username_taken', undefined],
    ['concurrent_update', 409, 'concurrent_update', undefined],
    ['rate_limited', 429, 'rate_limited', undefined],
    ['unsupported', 415, 'unsupported_media_type', 'body.content_type'],
    ['too_large', 413, 'payload_too_large', 'body.size'],
    ['dependency', 503, 'dependency_unavailable', undefined],
    ['refused', 503, 'dependency_unavailable', undefined],
    ['aws_timeout', 503, 'dependency_unavailable', undefined],
    ['bug', 500, 'internal', undefined],
  ])('maps %s to %i %s', async (kind, status, code, field) => {
    const response = await send('get', `/example-failures/${kind}`);
    expect(response.status).toBe(status);
    expect(errorOf(response.body).code).toBe(code);
    expect(invalidFields(response.body)).toEqual(field === undefined ? [] : [field]);
  });

  it('sends Retry-After (whole seconds, rounded up) with 429', async () => {
    const response = await send('get', '/example-failures/rate_limited');
    expect(response.headers.get('retry-after')).toBe('13');
  });

  it('sends WWW-Authenticate with every 401', async () => {
    const response = await send('get', '/example-failures/unauthorized');
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="hdoc"');
  });

  it('never leaks the message or stack of an unexpected error', async () => {
    const response = await send('get', '/example-failures/bug');
    expect(response.body).toEqual({ error: { code: 'internal', message: 'internal error', details: [] } });
    expect(response.text).not.toMatch(/hunter2|TypeError|at /);
  });

  it('answers 404 not_found for unknown routes', async () => {
    for (const path of ['/nope', '/examples/abc/extra']) {
      const response = await send('get', path);
      expect(response.status).toBe(404);
      expect(errorOf(response.body).code).toBe('not_found');
    }
  });

  it('answers 405 method_not_allowed with Allow for a known path and another method', async () => {
    for (const [method, path, allow] of [
      ['post', '/examples/abc', 'GET, HEAD, DELETE, PATCH, OPTIONS'],
      ['put', '/examples', 'POST, OPTIONS'],
      ['delete', '/healthz', 'GET, HEAD, OPTIONS'],
      ['post', '/openapi.json', 'GET, HEAD, OPTIONS'],
      ['patch', '/docs', 'GET, HEAD, OPTIONS'],
    ] as const) {
      const response = await send(method, path, { headers: auth });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(errorOf(response.body)).toMatchObject({ code: 'method_not_allowed', details: [] });
      expect(response.headers.get('allow')).toBe(allow);
    }
  });

  it('answers 400 for a path parameter that is not valid percent-encoding, 404 when no route has that path', async () => {
    const response = await send('get', '/examples/%E0%A4%A', { headers: auth });
    expect(response.status).toBe(400);
    expect(errorOf(response.body).code).toBe('invalid_input');
    const nowhere = await send('get', '/examples/%E0%A4%A/more', { headers: auth });
    expect(nowhere.status).toBe(404);
  });
});

describe('mounted routers', () => {
  it('mount after the declared routes (a declared route wins a shared path), are documented and get 405s', async () => {
    const router = Router();
    router.get('/examples/abc', (_req, res) => {
      res.json({ from: 'router' });
    });
    router.get('/extras/:name', (req, res) => {
      res.json({ from: 'router', name: req.params.name });
    });
    const extra = {
      spec: {
        method: 'get' as const,
        path: '/extras/{name}',
        summary: 'An extra endpoint',
        tags: ['extras'],
        responses: { 200: { description: 'OK', content: { 'application/json': { schema: { type: 'object' as const } } } } },
      },
    };
    const { app, openApi } = exampleApp({ routers: [{ router, operations: [extra] }] });
    const mounted = await startServer(app);
    try {
      const declared = await fetch(`${mounted.url}/examples/abc`, { headers: auth });
      expect(await declared.json()).toMatchObject({ id: 'abc', owner: ALICE.subject });
      expect(await (await fetch(`${mounted.url}/extras/x`)).json()).toEqual({ from: 'router', name: 'x' });
      const wrongMethod = await fetch(`${mounted.url}/extras/x`, { method: 'DELETE' });
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      expect(Object.keys(openApi.paths ?? {})).toContain('/extras/{name}');
    } finally {
      await mounted.close();
    }
  });
});

describe('route matching', () => {
  it('matches paths case-insensitively and with one trailing slash, as express does', async () => {
    for (const path of ['/EXAMPLES/abc', '/examples/abc/']) {
      const response = await fetch(`${server.url}${path}`, { headers: auth });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ id: 'abc' });
    }
  });

  it('answers HEAD like GET, without a body', async () => {
    const response = await fetch(`${server.url}/examples/abc`, { method: 'HEAD', headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.text()).toBe('');
  });

  it('answers OPTIONS on a known path with its methods, and 404 elsewhere', async () => {
    const withoutCors = await startServer(exampleApp().app);
    try {
      const known = await fetch(`${withoutCors.url}/examples/abc`, { method: 'OPTIONS' });
      expect(known.status).toBe(204);
      expect(known.headers.get('allow')).toBe('GET, HEAD, DELETE, PATCH, OPTIONS');
      const unknown = await fetch(`${withoutCors.url}/nope`, { method: 'OPTIONS' });
      expect(unknown.status).toBe(404);
    } finally {
      await withoutCors.close();
    }
  });

  it('sends no ETag with no-store answers', async () => {
    const response = await send('get', '/examples/abc', { headers: auth });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('etag')).toBeNull();
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(response.text));
  });
});

describe('request ids, security headers and CORS', () => {
  it('generates a UUID request id when none or an unsafe one is sent', async () => {
    for (const incoming of [undefined, 'short', 'has space in it', 'x'.repeat(200), 'a\u00e9bcdefghij']) {
      const headers: Record<string, string> = incoming === undefined ? {} : { 'x-request-id': encodeURI(incoming) };
      if (incoming === 'a\u00e9bcdefghij') headers['x-request-id'] = 'a%C3%A9bcdefghij with space';
      const response = await send('get', '/healthz', { headers });
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('keeps a sane incoming request id', async () => {
    const response = await send('get', '/healthz', { headers: { 'x-request-id': 'edge-7f3a9c21.abc:1' } });
    expect(response.headers.get('x-request-id')).toBe('edge-7f3a9c21.abc:1');
  });

  it('sets security headers and hides the framework', async () => {
    const response = await send('get', '/healthz');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('allows only the configured origins', async () => {
    const allowed = await fetch(`${server.url}/healthz`, { headers: { origin: 'https://app.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(allowed.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    const other = await fetch(`${server.url}/healthz`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${server.url}/examples`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it("allows any origin with corsOrigins ['*']", async () => {
    const any = await startServer(exampleApp({ corsOrigins: ['*'] }).app);
    try {
      const response = await fetch(`${any.url}/healthz`, { headers: { origin: 'https://anywhere.example' } });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await any.close();
    }
  });

  it('allows no origin by default', async () => {
    const { app } = exampleApp();
    const local = await startServer(app);
    try {
      const response = await fetch(`${local.url}/healthz`, { headers: { origin: 'https://app.example.com' } });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await local.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApiDocument } from '../../src/http/openapi/openapi-document.js';
import { defineRoute } from '../../src/http/routing/define-route.js';
import { exampleApp } from '../support/example-api.js';
import { OpenApiValidator } from '../support/openapi-validator.js';

type Operation = {
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; schema?: Record<string, unknown> }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }>; headers?: Record<string, unknown> }>;
};

describe('the generated OpenAPI document', () => {
  const { openApi } = exampleApp();
  const operation = (path: string, method: 'get' | 'post' | 'delete') =>
    (openApi.paths?.[path] as Record<string, Operation> | undefined)?.[method] as Operation;

  it('is OpenAPI 3.1 with the bearer scheme and the shared error schema', () => {
    expect(openApi.openapi).toBe('3.1.0');
    expect(openApi.components?.securitySchemes?.bearerAuth).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(openApi.components?.schemas?.ErrorResponse).toMatchObject({
      type: 'object',
      required: ['error'],
      additionalProperties: false,
    });
  });

  it('lists the system operations and every declared route', () => {
    expect(Object.keys(openApi.paths ?? {}).sort()).toEqual(
      ['/example-failures/{kind}', '/examples', '/examples/{example_id}', '/healthz', '/readyz'].sort(),
    );
  });

  it('documents parameters from the schemas that validate them', () => {
    const get = operation('/examples/{example_id}', 'get');
    expect(get.security).toEqual([{ bearerAuth: [] }]);
    const byName = Object.fromEntries((get.parameters ?? []).map((p) => [p.name, p]));
    expect(byName.example_id).toMatchObject({ in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9-]{1,36}$' } });
    expect(byName.limit).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100 } });
    expect(byName.tag).toMatchObject({ in: 'query', schema: { type: 'array', maxItems: 5 } });
  });

  it('documents a required strict JSON body', () => {
    const post = operation('/examples', 'post');
    expect(post.requestBody?.required).toBe(true);
    expect(post.requestBody?.content['application/json']?.schema).toMatchObject({
      type: 'object',
      required: ['title'],
      additionalProperties: false,
    });
    expect(post.security).toEqual([]);
  });

  it('declares every status the helper can answer, and the declared error statuses, with the error schema', () => {
    const errorRef = { $ref: '#/components/schemas/ErrorResponse' };
    const get = operation('/examples/{example_id}', 'get');
    expect(Object.keys(get.responses).sort()).toEqual(['200', '400', '401', '404', '500', '503']);
    expect(get.responses['401']?.content?.['application/json']?.schema).toEqual(errorRef);
    expect(get.responses['401']?.headers).toHaveProperty('WWW-Authenticate');
    const post = operation('/examples', 'post');
    expect(Object.keys(post.responses).sort()).toEqual(['201', '400', '409', '413', '415', '500', '503']);
    const failures = operation('/example-failures/{kind}', 'get');
    expect(failures.responses['429']?.headers).toHaveProperty('Retry-After');
    const del = operation('/examples/{example_id}', 'delete');
    expect(del.responses['204']?.content).toBeUndefined();
  });

  it('compiles as JSON Schema 2020-12 in every response schema', () => {
    const validator = new OpenApiValidator(openApi);
    const ok = { status: 200, headers: new Headers({ 'content-type': 'application/json' }), text: '{"status":"ok"}' };
    expect(validator.check('get', '/healthz', ok)).toEqual({ status: 'ok' });
    expect(() => validator.check('get', '/healthz', { ...ok, text: '{"status":"ko"}' })).toThrow(/does not match/);
    expect(() => validator.check('get', '/healthz', { ...ok, status: 201 })).toThrow(/not declared/);
  });

  it('lists the public base URL as the server when given', () => {
    const document = buildOpenApiDocument([], { title: 't', version: '1' }, 'https://api.example.com');
    expect(document.servers).toEqual([{ url: 'https://api.example.com' }]);
  });
});

describe('defineRoute', () => {
  const base = { method: 'get', summary: 's', tags: ['t'], auth: 'none', responses: { 200: z.strictObject({}) } } as const;

  it('rejects path parameters that differ from the params schema', () => {
    expect(() => defineRoute({ ...base, path: '/a/{id}' })).toThrow(/path parameters \{id\} differ/);
    expect(() =>
      defineRoute({ ...base, path: '/a/{id}', request: { params: z.object({ id: z.string(), other: z.string() }) } }),
    ).toThrow(/differ/);
    expect(() => defineRoute({ ...base, path: '/a/{id}', request: { params: z.object({ id: z.string() }) } })).not.toThrow();
  });

  it('rejects body schemas with a non-strict object anywhere', () => {
    const post = { ...base, method: 'post', path: '/a' } as const;
    expect(() => defineRoute({ ...post, request: { body: z.object({ a: z.string() }) } })).toThrow(/strict/);
    expect(() =>
      defineRoute({ ...post, request: { body: z.strictObject({ items: z.array(z.object({ a: z.string() })).optional() }) } }),
    ).toThrow(/body\.items: body objects must be strict/);
    expect(() =>
      defineRoute({ ...post, request: { body: z.strictObject({ items: z.array(z.strictObject({ a: z.string() })) }) } }),
    ).not.toThrow();
  });

  it('requires at least one response', () => {
    expect(() => defineRoute({ ...base, path: '/a', responses: {} })).toThrow(/at least one response/);
  });
});

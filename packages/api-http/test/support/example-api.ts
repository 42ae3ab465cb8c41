/**
 * A tiny API used only by the tests to exercise the route helper and the app infrastructure.
 * It is not a product route.
 */
import {
  ConcurrentUpdateError,
  UsernameTakenError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
  type Principal,
} from '@hdoc/domain';
import { z } from 'zod';
import { createHttpApp, type HttpAppOptions } from '../../src/http/app.js';
import { DependencyUnavailableError } from '../../src/http/errors/dependency-unavailable.error.js';
import { defineRoute, type Route } from '../../src/http/routing/define-route.js';
import { captureLogs } from './test-server.js';

export const ALICE_TOKEN = 'alice.token-123';
export const ALICE: Principal = { subject: 'user-alice', sessionId: 'session-1' };
/** A token whose check hits an unreachable session store. */
export const STORE_DOWN_TOKEN = 'store.down';

/** Accepts ALICE_TOKEN, fails like an unreachable store for STORE_DOWN_TOKEN, rejects the rest. */
export async function exampleAuthenticate(token: string): Promise<Principal> {
  await Promise.resolve();
  if (token === ALICE_TOKEN) return ALICE;
  if (token === STORE_DOWN_TOKEN) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });
  throw new UnauthorizedError('token expired');
}

const ExampleSchema = z.strictObject({
  id: z.string(),
  owner: z.string(),
  limit: z.number().int(),
  tags: z.array(z.string()),
  order: z.enum(['asc', 'desc']),
});

const getExample = defineRoute({
  method: 'get',
  path: '/examples/{example_id}',
  operationId: 'getExample',
  summary: 'Read an example',
  tags: ['examples'],
  auth: 'bearer',
  request: {
    params: z.object({ example_id: z.string().regex(/^[a-z0-9-]{1,36}$/) }),
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).optional(),
      tag: z.array(z.string().min(1).max(50)).max(5).optional(),
      order: z.enum(['asc', 'desc']).default('desc'),
    }),
  },
  responses: { 200: ExampleSchema },
  errors: [404],
}).handle(async ({ params, query, principal, log }) => {
  if (params.example_id === 'missing') throw new NotFoundError('example');
  log.info({ example_id: params.example_id }, 'reading example');
  return {
    status: 200,
    body: { id: params.example_id, owner: principal.subject, limit: query.limit ?? 20, tags: query.tag ?? [], order: query.order },
  };
});

const CreatedSchema = z.strictObject({ title: z.string(), tags: z.array(z.string()), note: z.string().nullable() });

const createExample = defineRoute({
  method: 'post',
  path: '/examples',
  operationId: 'createExample',
  summary: 'Create an example',
  tags: ['examples'],
  auth: 'none',
  request: {
    body: z.strictObject({
      title: z.string().min(1).max(100),
      password: z.string().max(128).optional(),
      tags: z.array(z.string().min(1).max(50)).max(20).default([]),
      meta: z.strictObject({ note: z.string().max(200) }).optional(),
    }),
  },
  responses: { 201: CreatedSchema },
  errors: [409],
}).handle(async ({ body }) => {
  await Promise.resolve();
  if (body.title === 'taken') throw new ConcurrentUpdateError('example');
  return { status: 201, body: { title: body.title, tags: body.tags, note: body.meta?.note ?? null } };
});

const deleteExample = defineRoute({
  method: 'delete',
  path: '/examples/{example_id}',
  operationId: 'deleteExample',
  summary: 'Delete an example',
  tags: ['examples'],
  auth: 'bearer',
  request: { params: z.object({ example_id: z.string().max(36) }) },
  responses: { 204: null },
}).handle(async () => ({ status: 204 }));

const updateExample = defineRoute({
  method: 'patch',
  path: '/examples/{example_id}',
  operationId: 'updateExample',
  summary: 'Change an example (path, query and body together)',
  tags: ['examples'],
  auth: 'none',
  request: {
    params: z.object({ example_id: z.string().regex(/^[a-z0-9-]{1,36}$/) }),
    query: z.object({ dry_run: z.enum(['true', 'false']).optional() }),
    body: z.strictObject({ title: z.string().min(1).max(100).optional(), tags: z.array(z.string().max(50)).max(20).optional() }),
  },
  responses: { 200: CreatedSchema },
}).handle(async ({ params, body }) => {
  await Promise.resolve();
  // A rule only the domain knows, on a body field, a path field and a field no part declares.
  if (body.title === 'domain-body') throw new ValidationError('tags[1]', 'must be unique');
  if (body.title === 'domain-path') throw new ValidationError('example_id', 'is reserved');
  if (body.title === 'domain-other') throw new ValidationError('confidence', 'must be an integer from 0 to 100');
  return { status: 200, body: { title: body.title ?? params.example_id, tags: body.tags ?? [], note: null } };
});

/** Each kind throws one error, to check how the app maps it. */
const FAILURES = {
  validation: () => new ValidationError('tags[3]', 'must be at most 50 characters'),
  unauthorized: () => new UnauthorizedError(),
  forbidden: () => new ForbiddenError('participants only'),
  not_found: () => new NotFoundError('photo'),
  username_taken: () => new UsernameTakenError(),
  concurrent_update: () => new ConcurrentUpdateError('photo'),
  rate_limited: () => new RateLimitedError(12.2),
  unsupported: () => new UnsupportedMediaTypeError('content_type', 'image/tiff is not accepted'),
  too_large: () => new PayloadTooLargeError('size', 'must be at most 20971520 bytes'),
  dependency: () => new DependencyUnavailableError('redis'),
  refused: () => Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:5432'), { code: 'ECONNREFUSED' }),
  aws_timeout: () => Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} }),
  bug: () => new TypeError("Cannot read properties of undefined (reading 'secret-db-password=hunter2')"),
} as const;

const fail = defineRoute({
  method: 'get',
  path: '/example-failures/{kind}',
  operationId: 'failExample',
  summary: 'Fail on purpose',
  tags: ['examples'],
  auth: 'none',
  request: { params: z.object({ kind: z.enum(Object.keys(FAILURES) as [keyof typeof FAILURES]) }) },
  responses: { 200: z.strictObject({}) },
  errors: [401, 403, 404, 409, 413, 415, 429],
}).handle(async ({ params }) => {
  await Promise.resolve();
  throw FAILURES[params.kind]();
});

/** The example routes. */
export const exampleRoutes: readonly Route[] = [getExample, createExample, deleteExample, updateExample, fail];

/** The app with the example routes, a readable log, and the example authenticator. */
export function exampleApp(overrides: Partial<HttpAppOptions> = {}) {
  const logs = captureLogs();
  const { app, openApi } = createHttpApp({
    logger: logs.logger,
    routes: exampleRoutes,
    authenticate: exampleAuthenticate,
    ...overrides,
  });
  return { app, openApi, logs };
}

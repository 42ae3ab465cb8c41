import { STATUS_CODES } from 'node:http';
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import type { Route } from '../routing/define-route.js';
import type { RouterOperation } from '../routing/mounted-router.js';
import { ERROR_STATUS } from '../errors/http-error.js';
import { codesOf, errorCodeTable, errorExamples } from './error-examples.js';
import { ErrorResponseSchema } from './error-schema.js';

/** Title, version and description of the document. */
export interface ApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
}

/** The generated document (OpenAPI 3.1 object). */
export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

const BEARER_SCHEME = 'bearerAuth';

const ERRORS_INTRODUCTION =
  'Every error answers `{"error": {"code", "message", "details": [{"field", "message"}]}}`. `details` lists every ' +
  'invalid field of a 400 at once (path, query and body are checked together), each named as `path.id`, ' +
  '`query.limit` or `body.tags[3]`; it is an empty list with any other status. `code` is stable and means one ' +
  'thing; `message` is for people and may change. The codes (also in `x-error-codes`):';

/** Error statuses the helper itself may answer for a route, beyond those it declares. */
function implicitErrorStatuses(route: Route): number[] {
  const request = route.request ?? {};
  const statuses = [500, 503];
  if (request.params || request.query || request.body) statuses.push(400);
  if (request.body) statuses.push(413, 415);
  if (route.auth === 'bearer') statuses.push(401);
  return statuses;
}

/** An error response of `status`: the shared schema, the codes it may carry, one example of each. */
export function errorResponse(status: number): ResponseConfig {
  const headers: Record<string, { description: string; schema: { type: 'string' } }> = {};
  if (status === 401) headers['WWW-Authenticate'] = { description: 'Bearer challenge', schema: { type: 'string' } };
  if (status === 405) headers['Allow'] = { description: 'The methods the path is served with', schema: { type: 'string' } };
  if (status === 429) headers['Retry-After'] = { description: 'Seconds to wait', schema: { type: 'string' } };
  const codes = codesOf(status).map((code) => `\`${code}\``);
  return {
    description: `${STATUS_CODES[status] ?? 'Error'}${codes.length > 0 ? ` (${codes.join(' or ')})` : ''}`,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    content: { 'application/json': { schema: ErrorResponseSchema, examples: errorExamples(status) } },
  };
}

function successResponse(status: number, schema: z.ZodType | null, example: unknown): ResponseConfig {
  const description = STATUS_CODES[status] ?? 'Response';
  if (schema === null) return { description };
  const examples = example === undefined ? {} : { examples: { example: { summary: description, value: example } } };
  return { description, content: { 'application/json': { schema, ...examples } } };
}

/**
 * The OpenAPI 3.1 document of the given routes, generated from the same zod schemas that validate
 * their requests. Every operation lists each status it can answer with; errors share one schema.
 */
export function buildOpenApiDocument(
  routes: readonly Route[],
  info: ApiInfo,
  serverUrl?: string,
  routerOperations: readonly RouterOperation[] = [],
): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', BEARER_SCHEME, { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const route of routes) {
    const responses: Record<string, ResponseConfig> = {};
    for (const status of [...implicitErrorStatuses(route), ...(route.errors ?? [])]) {
      responses[status] = errorResponse(status);
    }
    for (const [status, schema] of Object.entries(route.responses)) {
      responses[status] = successResponse(Number(status), schema, route.examples?.[Number(status)]);
    }
    const { params, query, body } = route.request ?? {};
    registry.registerPath({
      method: route.method,
      path: route.path,
      summary: route.summary,
      tags: [...route.tags],
      ...(route.operationId === undefined ? {} : { operationId: route.operationId }),
      ...(route.description === undefined ? {} : { description: route.description }),
      security: route.auth === 'bearer' ? [{ [BEARER_SCHEME]: [] }] : [],
      request: {
        ...(params ? { params } : {}),
        ...(query ? { query } : {}),
        ...(body ? { body: { required: !body.safeParse(undefined).success, content: { 'application/json': { schema: body } } } } : {}),
      },
      responses,
    });
  }
  for (const { spec } of routerOperations) registry.registerPath(spec);
  // The error schema is listed so it is a component even before any route refers to it.
  const description = [info.description, `## Errors\n\n${ERRORS_INTRODUCTION}\n\n${errorCodeTable()}`].filter(Boolean).join('\n\n');
  const document = new OpenApiGeneratorV31([ErrorResponseSchema, ...registry.definitions]).generateDocument({
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, description },
    ...(serverUrl === undefined ? {} : { servers: [{ url: serverUrl }] }),
  });
  // The same table for tools: every code with its status.
  return { ...document, 'x-error-codes': { ...ERROR_STATUS } };
}

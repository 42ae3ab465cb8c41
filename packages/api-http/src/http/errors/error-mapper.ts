import { DomainError, RateLimitedError } from '@hdoc/domain';
import { isDependencyFailure } from './dependency-unavailable.error.js';
import { bearerChallenge, HttpError, type ErrorCode, type FieldIssue } from './http-error.js';
import { locatedField } from '../routing/validation-error.js';

/** Status of each domain error code (packages/domain/src/shared/errors.ts). */
const DOMAIN_STATUS: Readonly<Record<string, { status: number; code: ErrorCode }>> = {
  invalid_input: { status: 400, code: 'invalid_input' },
  invalid_grant: { status: 400, code: 'invalid_grant' },
  unauthorized: { status: 401, code: 'unauthorized' },
  forbidden: { status: 403, code: 'forbidden' },
  not_found: { status: 404, code: 'not_found' },
  username_taken: { status: 409, code: 'username_taken' },
  concurrent_update: { status: 409, code: 'concurrent_update' },
  payload_too_large: { status: 413, code: 'payload_too_large' },
  unsupported_media_type: { status: 415, code: 'unsupported_media_type' },
  rate_limited: { status: 429, code: 'rate_limited' },
};

/** A 400 naming one part of the request. */
function badRequest(field: string, message: string): HttpError {
  return new HttpError(400, 'invalid_input', `${field}: ${message}`, { details: [{ field, message }] });
}

/** A URL whose path does not percent-decode. */
export const MALFORMED_PATH = badRequest('path', 'is not valid percent-encoding');

/** body-parser's error `type`s, which carry a status but an unfit message. */
const BODY_PARSER_ERRORS: Readonly<Record<string, HttpError>> = {
  'entity.too.large': new HttpError(413, 'payload_too_large', 'request body is too large'),
  'entity.parse.failed': new HttpError(400, 'invalid_json', 'body: is not valid JSON', {
    details: [{ field: 'body', message: 'is not valid JSON' }],
  }),
  'encoding.unsupported': new HttpError(415, 'unsupported_media_type', 'unsupported content encoding'),
  'charset.unsupported': new HttpError(415, 'unsupported_media_type', 'request body must be UTF-8 JSON'),
  'request.aborted': badRequest('body', 'was aborted'),
  'request.size.invalid': badRequest('body', 'does not match its Content-Length'),
};

const INTERNAL = new HttpError(500, 'internal', 'internal error');
const UNAVAILABLE = new HttpError(503, 'dependency_unavailable', 'a dependency is unavailable, retry later');

/**
 * Translates anything thrown while serving a request into the error the client sees. Expected
 * failures keep their message (domain messages are written for clients); unexpected ones become a
 * generic 500 whose details only reach the logs.
 */
export function toHttpError(error: unknown, locate: FieldLocator = inBody): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof DomainError) return fromDomainError(error, locate);
  // The router fails to percent-decode a path parameter.
  if (error instanceof URIError) return MALFORMED_PATH;
  const status = httpStatusOf(error);
  if (status !== undefined) return fromFrameworkError(error as { type?: unknown }, status);
  return isDependencyFailure(error) ? UNAVAILABLE : INTERNAL;
}

/** Places a domain field (`tags[3]`) under the request part it came from (`body.tags[3]`). */
export type FieldLocator = (domainField: string) => string;

/** Outside a declared route (whose handler knows its inputs), domain fields are body fields. */
const inBody: FieldLocator = (field) => locatedField('body', field);

/** The field a domain error blames (validation, size, media type) and its message without the `field: ` prefix. */
function blamedField(error: DomainError, locate: FieldLocator): FieldIssue[] | undefined {
  const field = (error as { field?: unknown }).field;
  if (typeof field !== 'string') return undefined;
  const prefix = `${field}: `;
  const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return [{ field: locate(field), message }];
}

function fromDomainError(error: DomainError, locate: FieldLocator): HttpError {
  const mapped = DOMAIN_STATUS[error.code];
  if (mapped === undefined) return INTERNAL;
  const details = blamedField(error, locate);
  let headers: Record<string, string> | undefined;
  if (error instanceof RateLimitedError) {
    headers = { 'Retry-After': String(Math.max(1, Math.ceil(error.retryAfterSeconds))) };
  } else if (mapped.status === 401) {
    headers = bearerChallenge(false);
  }
  // The message names the field as `details` does (`body.tags[3]: ...`, not the domain's `tags[3]: ...`).
  const message = details?.[0] === undefined ? error.message : `${details[0].field}: ${details[0].message}`;
  return new HttpError(mapped.status, mapped.code, message, {
    ...(details === undefined ? {} : { details }),
    ...(headers === undefined ? {} : { headers }),
  });
}

/** Errors raised by express, its router and body-parser carry a 4xx `status` and sometimes a `type`. */
function fromFrameworkError(error: { type?: unknown }, status: number): HttpError {
  const known = typeof error.type === 'string' ? BODY_PARSER_ERRORS[error.type] : undefined;
  if (known !== undefined) return known;
  if (status === 404) return new HttpError(404, 'not_found', 'not found');
  if (status === 413) return BODY_PARSER_ERRORS['entity.too.large'] ?? INTERNAL;
  if (status === 415) return new HttpError(415, 'unsupported_media_type', 'unsupported media type');
  return badRequest('request', 'is malformed');
}

function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? status : undefined;
}

import type { ErrorBody, ErrorCode } from '../errors/http-error.js';
import { ERROR_CODES, ERROR_STATUS } from '../errors/http-error.js';

/** A typical answer for each code, as the docs show it. */
const EXAMPLES: Readonly<Record<ErrorCode, ErrorBody['error']>> = {
  invalid_input: {
    code: 'invalid_input',
    message: 'query.limit: must be at most 100; body.tags[3]: must be at most 50 characters',
    details: [
      { field: 'query.limit', message: 'must be at most 100' },
      { field: 'body.tags[3]', message: 'must be at most 50 characters' },
    ],
  },
  invalid_json: { code: 'invalid_json', message: 'body: is not valid JSON', details: [{ field: 'body', message: 'is not valid JSON' }] },
  unauthorized: { code: 'unauthorized', message: 'a valid bearer access token is required', details: [] },
  forbidden: { code: 'forbidden', message: 'participants only', details: [] },
  not_found: { code: 'not_found', message: 'photo not found', details: [] },
  method_not_allowed: { code: 'method_not_allowed', message: 'POST is not allowed here; allowed: GET, HEAD, OPTIONS', details: [] },
  username_taken: { code: 'username_taken', message: 'username is already taken', details: [] },
  concurrent_update: { code: 'concurrent_update', message: 'photo is being changed concurrently, try again', details: [] },
  payload_too_large: {
    code: 'payload_too_large',
    message: 'body.size: must be at most 20971520 bytes',
    details: [{ field: 'body.size', message: 'must be at most 20971520 bytes' }],
  },
  unsupported_media_type: { code: 'unsupported_media_type', message: 'request body must be application/json', details: [] },
  rate_limited: { code: 'rate_limited', message: 'too many attempts, retry later', details: [] },
  invalid_grant: {
    code: 'invalid_grant',
    message: 'body.code: is unknown, already used or expired; sign in again',
    details: [{ field: 'body.code', message: 'is unknown, already used or expired; sign in again' }],
  },
  internal: { code: 'internal', message: 'internal error', details: [] },
  dependency_unavailable: { code: 'dependency_unavailable', message: 'a dependency is unavailable, retry later', details: [] },
};

/** The codes answered with `status`. */
export function codesOf(status: number): ErrorCode[] {
  return ERROR_CODES.filter((code) => ERROR_STATUS[code] === status);
}

/** One named example per code of `status` (`{value: {error}}`), for an OpenAPI response's `examples`. */
export function errorExamples(status: number): Record<string, { summary: string; value: ErrorBody }> {
  return Object.fromEntries(codesOf(status).map((code) => [code, { summary: code, value: { error: EXAMPLES[code] } }]));
}

/** What each code means, for the overview's table. */
const MEANINGS: Readonly<Record<ErrorCode, string>> = {
  invalid_input: 'an input broke a rule; `details` lists every invalid field',
  invalid_json: 'the body is not JSON (`details` names `body`, with any other invalid field)',
  unauthorized: 'no valid bearer token (expired, revoked, malformed); `WWW-Authenticate` says so',
  forbidden: 'authenticated, but not allowed (a password user on a participant route; a refused upload form)',
  not_found: 'no such resource, or not yours; also unknown paths',
  method_not_allowed: 'the path exists, the method does not; `Allow` lists the methods',
  username_taken: 'sign-up with a name someone holds (in any letter case): pick another, do not retry',
  concurrent_update: 'concurrent writers kept winning the race: the same request may be retried',
  payload_too_large: 'a JSON body over 64 KiB, or a declared photo size over the maximum',
  unsupported_media_type: 'a body that is not UTF-8 JSON, or a photo type the catalog does not take',
  rate_limited: 'too many attempts; `Retry-After` says when to try again',
  invalid_grant: 'a GitHub sign-in code that is used, expired or unknown (`POST /sessions/github`): sign in again',
  internal: 'a bug on our side (logged with the request id)',
  dependency_unavailable: 'a store or GitHub is unreachable; retry later',
};

/** The overview's table of every error code with its status. */
export function errorCodeTable(): string {
  const rows = ERROR_CODES.map((code) => `| \`${code}\` | ${ERROR_STATUS[code]} | ${MEANINGS[code]} |`);
  return ['| code | status | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

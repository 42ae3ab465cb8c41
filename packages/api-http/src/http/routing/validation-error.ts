import type { z } from 'zod';
import { HttpError } from '../errors/http-error.js';

/** Where an input came from; it prefixes the field path clients see (`body.tags[3]`, `query.limit`). */
export type InputLocation = 'params' | 'query' | 'body';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `['tags', 3]` under `body` -> `body.tags[3]`; odd keys are quoted: `body["a b"]`. */
export function fieldPath(location: InputLocation, path: readonly PropertyKey[]): string {
  let out: string = location;
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string') out += IDENTIFIER.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * The 400 for a schema failure: the first issue, named by its field path (in the message and in
 * `field`). Zod's messages describe the expectation, never echo the input.
 */
export function invalidInput(location: InputLocation, error: z.ZodError): HttpError {
  const issue = error.issues[0];
  if (issue === undefined) return new HttpError(400, 'invalid_input', `${location}: invalid`, { field: location });
  const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const path = unknownKey === undefined ? issue.path : [...issue.path, unknownKey];
  const field = fieldPath(location, path);
  const message = unknownKey === undefined ? issue.message : 'unknown field';
  return new HttpError(400, 'invalid_input', `${field}: ${message}`, { field });
}

/** The 400 for a query parameter given more than once where one value is expected. */
export function repeatedParameter(name: string): HttpError {
  const field = fieldPath('query', [name]);
  return new HttpError(400, 'invalid_input', `${field}: must be given at most once`, { field });
}

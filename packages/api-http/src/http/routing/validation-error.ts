import type { z } from 'zod';
import { HttpError, type ErrorCode, type FieldIssue } from '../errors/http-error.js';

/** Where an input came from; it starts the field path clients see (`body.tags[3]`, `query.limit`, `path.id`). */
export type InputLocation = 'path' | 'query' | 'body';

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

/** A domain field (`tags[3]`, `metadata.camera`) under its location: `body.tags[3]`. */
export function locatedField(location: InputLocation, domainField: string): string {
  return domainField.startsWith('[') ? `${location}${domainField}` : `${location}.${domainField}`;
}

/** Every issue of a schema failure, one per field (an unknown key is a field of its own). */
export function issuesOf(location: InputLocation, error: z.ZodError, into: FieldIssue[]): void {
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) into.push({ field: fieldPath(location, [...issue.path, key]), message: 'unknown field' });
    } else {
      into.push({ field: fieldPath(location, issue.path), message: issue.message });
    }
  }
}

/** The 400 listing every invalid field, once each; its message names them all, for people reading a log or a console. */
export function invalidInput(
  issues: readonly FieldIssue[],
  code: Extract<ErrorCode, 'invalid_input' | 'invalid_json'> = 'invalid_input',
): HttpError {
  // One detail per field: zod may report one value twice (too big for the schema and for a safe integer).
  const details = issues.filter((issue, index) => issues.findIndex(({ field }) => field === issue.field) === index);
  const message = details.map(({ field, message: what }) => `${field}: ${what}`).join('; ');
  return new HttpError(400, code, message, { details });
}

/** The issue of a query parameter given more than once where one value is expected. */
export function repeatedParameter(name: string): FieldIssue {
  return { field: fieldPath('query', [name]), message: 'must be given at most once' };
}

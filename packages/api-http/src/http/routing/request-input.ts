import express, { type Request, type Response } from 'express';
import type { z } from 'zod';
import { HttpError, type FieldIssue } from '../errors/http-error.js';
import { humanMessage } from './human-messages.js';
import { isArraySchema, objectShape } from './schema-inspection.js';
import { invalidInput, issuesOf, repeatedParameter, type InputLocation } from './validation-error.js';

const JSON_TYPES = ['application/json', 'application/*+json'];

/** A request without content: no Content-Length (or 0) and no chunked Transfer-Encoding. */
function hasNoContent(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] === undefined && (length === undefined || length === '0');
}

/** The issue of a body that is not JSON. body-parser's own error carries the raw body: it is dropped here, never logged. */
export const MALFORMED_JSON: FieldIssue = { field: 'body', message: 'is not valid JSON' };

/**
 * Creates the JSON body reader shared by every route that takes a body. No content reads as
 * `undefined` (the schema then reports `body` as required); content of another type is a 415;
 * malformed JSON a 400 `invalid_json`.
 */
export function jsonBodyReader(limitBytes: number): (req: Request, res: Response) => Promise<unknown> {
  const parse = express.json({ limit: limitBytes, strict: true, type: JSON_TYPES });
  return (req, res) => {
    if (hasNoContent(req)) return Promise.resolve(undefined);
    if (!req.is(JSON_TYPES)) {
      return Promise.reject(new HttpError(415, 'unsupported_media_type', 'request body must be application/json'));
    }
    return new Promise((resolve, reject) => {
      parse(req, res, (error?: unknown) => {
        if (error === undefined) resolve(req.body as unknown);
        else if ((error as { type?: unknown }).type === 'entity.parse.failed') reject(invalidInput([MALFORMED_JSON], 'invalid_json'));
        else reject(error);
      });
    });
  };
}

/**
 * The query as the schema expects it: only its own keys (others are ignored), a repeated parameter
 * is an issue unless the schema takes a list, a single value becomes a one-item list where it does,
 * and an empty value counts as absent (`?cursor=` is what many clients send for "none"). The
 * schema's keys are read once, when the route is built.
 */
export function queryNormalizer(
  schema: z.ZodObject,
): (raw: Readonly<Record<string, unknown>>, issues: FieldIssue[]) => Record<string, unknown> {
  const fields = Object.entries(objectShape(schema)).map(([name, fieldSchema]) => ({ name, wantsList: isArraySchema(fieldSchema) }));
  return (raw, issues) => {
    const query: Record<string, unknown> = {};
    for (const { name, wantsList } of fields) {
      if (!Object.hasOwn(raw, name)) continue;
      const value: unknown = raw[name];
      if (value === '' || value === undefined) continue;
      if (Array.isArray(value)) {
        if (wantsList) query[name] = value;
        else issues.push(repeatedParameter(name));
      } else {
        query[name] = wantsList ? [value] : value;
      }
    }
    return query;
  };
}

const PARSE_OPTIONS = { error: humanMessage };

/** Parses one part of the request with its schema; its issues, with people's messages, go to `issues`. */
export function parseInput<S extends z.ZodType>(location: InputLocation, schema: S, value: unknown, issues: FieldIssue[]): z.output<S> | undefined {
  const result = schema.safeParse(value, PARSE_OPTIONS);
  if (result.success) return result.data;
  issuesOf(location, result.error, issues);
  return undefined;
}

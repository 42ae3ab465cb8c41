import express, { type Request, type Response } from 'express';
import type { z } from 'zod';
import { HttpError } from '../errors/http-error.js';
import { isArraySchema, objectShape } from './schema-inspection.js';
import { invalidInput, repeatedParameter, type InputLocation } from './validation-error.js';

const JSON_TYPES = ['application/json', 'application/*+json'];

/** A request without content: no Content-Length (or 0) and no chunked Transfer-Encoding. */
function hasNoContent(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] === undefined && (length === undefined || length === '0');
}

/**
 * Creates the JSON body reader shared by every route that takes a body. No content reads as
 * `undefined` (the schema then reports `body` as required); content of another type is a 415.
 */
export function jsonBodyReader(limitBytes: number): (req: Request, res: Response) => Promise<unknown> {
  const parse = express.json({ limit: limitBytes, strict: true, type: JSON_TYPES });
  return (req, res) => {
    if (hasNoContent(req)) return Promise.resolve(undefined);
    if (!req.is(JSON_TYPES)) {
      return Promise.reject(new HttpError(415, 'unsupported_media_type', 'request body must be application/json'));
    }
    return new Promise((resolve, reject) => {
      parse(req, res, (error?: unknown) => (error === undefined ? resolve(req.body as unknown) : reject(error)));
    });
  };
}

/**
 * The query as the schema expects it: only its own keys (others are ignored), a repeated parameter
 * is an error unless the schema takes a list, a single value becomes a one-item list where it does,
 * and an empty value counts as absent (`?cursor=` is what many clients send for "none"). The
 * schema's keys are read once, when the route is built.
 */
export function queryNormalizer(schema: z.ZodObject): (raw: Readonly<Record<string, unknown>>) => Record<string, unknown> {
  const fields = Object.entries(objectShape(schema)).map(([name, fieldSchema]) => ({ name, wantsList: isArraySchema(fieldSchema) }));
  return (raw) => {
    const query: Record<string, unknown> = {};
    for (const { name, wantsList } of fields) {
      if (!Object.hasOwn(raw, name)) continue;
      const value: unknown = raw[name];
      if (value === '' || value === undefined) continue;
      if (Array.isArray(value)) {
        if (!wantsList) throw repeatedParameter(name);
        query[name] = value;
      } else {
        query[name] = wantsList ? [value] : value;
      }
    }
    return query;
  };
}

/** Parses one part of the request with its schema, or fails with a 400 naming the field path. */
export function parseInput<S extends z.ZodType>(location: InputLocation, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(location, result.error);
  return result.data;
}

import { DomainError } from '@hdoc/domain';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { toHttpError } from './error-mapper.js';
import { HttpError } from './http-error.js';
import { sendJson } from '../routing/send-json.js';

/** Unknown routes answer like any other missing resource. */
export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new HttpError(404, 'not_found', 'no such route'));
};

/**
 * What the debug line of a rejected request says about its cause: the error's name and, for
 * body-parser errors, their type. Never the error itself: body-parser's errors carry the raw body
 * (`body`), and JSON.parse's messages quote it, so a malformed login would log its password.
 * Domain messages are written for clients and are kept.
 */
function rejectionCause(error: unknown): Record<string, unknown> {
  if (error instanceof DomainError) return { name: error.name, message: error.message };
  if (typeof error !== 'object' || error === null) return { name: typeof error };
  const { name, type } = error as { name?: unknown; type?: unknown };
  return { name: typeof name === 'string' ? name : 'unknown', ...(typeof type === 'string' ? { type } : {}) };
}

/**
 * The one place errors become responses. 5xx keep their cause for the request's log line (written
 * by the request logger, with the request id) and send only the generic message.
 */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const httpError = toHttpError(error);
  if (httpError.status >= 500) res.locals.failure = error instanceof Error ? error : new Error(String(error));
  else if (httpError !== error) req.log.debug({ code: httpError.code, cause: rejectionCause(error) }, 'request rejected');
  for (const [name, value] of Object.entries(httpError.options.headers ?? {})) res.setHeader(name, value);
  sendJson(res, httpError.status, httpError.toBody());
};

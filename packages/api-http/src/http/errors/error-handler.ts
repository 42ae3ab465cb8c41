import type { ErrorRequestHandler, RequestHandler } from 'express';
import { toHttpError } from './error-mapper.js';
import { HttpError } from './http-error.js';
import { sendJson } from '../routing/send-json.js';

/** Unknown routes answer like any other missing resource. */
export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new HttpError(404, 'not_found', 'no such route'));
};

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
  else if (httpError !== error) req.log.debug({ err: error }, 'request rejected');
  for (const [name, value] of Object.entries(httpError.options.headers ?? {})) res.setHeader(name, value);
  sendJson(res, httpError.status, httpError.toBody());
};

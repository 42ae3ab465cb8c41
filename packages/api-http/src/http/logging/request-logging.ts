import type { IncomingMessage } from 'node:http';
import type { Express, Request, Response } from 'express';
import type { RequestStep } from '../request-step.js';
import type { Logger } from 'pino';
import { requestIdFor } from './request-id.js';

/** Query parameters whose values are credentials (OAuth codes, presigned URL signatures...). */
const SECRET_QUERY_KEYS = new Set([
  'code',
  'state',
  'code_verifier',
  'token',
  'access_token',
  'refresh_token',
  'password',
  'client_secret',
  'signature',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
]);

/** A cheap pre-check (the keys are plain `[a-z_-]`): only a query that may name a secret key, in any case or percent-encoding, is parsed. */
const MAY_CARRY_SECRET = new RegExp(`${[...SECRET_QUERY_KEYS].join('|')}|%`, 'i');

/** Request headers worth a log line; credentials are not among them (and are redacted if logged elsewhere). */
const LOGGED_HEADERS = ['user-agent', 'content-type', 'content-length', 'origin', 'referer', 'x-forwarded-for'];

function loggedHeaders(headers: IncomingMessage['headers']): Record<string, string | string[]> {
  const picked: Record<string, string | string[]> = {};
  for (const name of LOGGED_HEADERS) {
    const value = headers[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

/** The URL as logged: secret query values replaced, so OAuth codes and signatures never reach logs. */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0 || !MAY_CARRY_SECRET.test(url.slice(queryStart))) return url;
  const params = new URLSearchParams(url.slice(queryStart + 1));
  for (const key of new Set(params.keys())) {
    if (SECRET_QUERY_KEYS.has(key.toLowerCase())) params.set(key, '[redacted]');
  }
  return `${url.slice(0, queryStart)}?${params.toString()}`;
}

declare module 'node:http' {
  interface IncomingMessage {
    /** The request's logger, built on first use: every line it writes carries `request_id`. */
    log: Logger;
  }
}

/*
 * Request-scoped state lives in `res.locals`, which express creates for every request, rather than in
 * new properties of `req`/`res`: express changes their prototypes, after which V8 spends about 1.5 µs
 * on each property added to them.
 */
declare module 'express-serve-static-core' {
  interface Locals {
    /** The request id, also sent back in `x-request-id`. */
    requestId: string;
    /** When the request logging saw the request (epoch ms), for its duration. */
    receivedAt: number;
    /** The cause of a 5xx, for the request's log line (clients never see it). */
    failure?: Error;
    /** `req.log`, once built. */
    log?: Logger;
  }
}

function serializeRequest(req: IncomingMessage & { originalUrl?: string }): Record<string, unknown> {
  return {
    method: req.method,
    url: redactUrl(req.originalUrl ?? req.url ?? ''),
    headers: loggedHeaders(req.headers),
    remote_address: req.socket.remoteAddress,
  };
}

/**
 * Installs `req.log` on `app` and returns the step that starts each request's log: one log line per
 * request when it ends (4xx at info, 5xx at error with the cause, `request aborted`
 * when the client went away), every line of the request carrying `request_id`, which is also sent back
 * in `x-request-id`. Bodies are never logged. `req.log`, the request's child logger, is built on first
 * use: most requests never log anything but their completion line.
 *
 * Built on pino directly rather than pino-http, whose two child loggers and request serialization per
 * request cost a measurable share of every response (`npm run bench -- http-overhead`). For the same
 * reason the completion line of a request that did not fail skips pino's redaction (about 8 µs a
 * line): every field of it is built here from allow-listed headers and a redacted URL, so there is
 * nothing left to redact. Lines with an error object, and every line handlers write, keep it.
 */
export function requestLogging(app: Express, logger: Logger): RequestStep {
  const completionLog = logger.child({}, { redact: { paths: [] } });
  Object.defineProperty(app.request, 'log', {
    configurable: true,
    get(this: Request): Logger {
      const locals = this.res?.locals;
      if (locals === undefined) return logger;
      locals.log ??= logger.child({ request_id: locals.requestId });
      return locals.log;
    },
  });
  const complete = (res: Response, aborted: boolean): void => {
    res.removeListener('finish', onFinish);
    res.removeListener('close', onClose);
    const { requestId, receivedAt, failure } = res.locals;
    const line = {
      request_id: requestId,
      req: serializeRequest(res.req),
      res: { status: res.statusCode, content_length: res.getHeader('content-length') },
      duration_ms: Date.now() - receivedAt,
    };
    if (failure !== undefined || res.statusCode >= 500) {
      logger.error({ ...line, err: failure ?? new Error(`failed with status code ${res.statusCode}`) }, 'request errored');
    } else {
      completionLog.info(line, aborted ? 'request aborted' : 'request completed');
    }
  };
  // 'finish' means the response went out (serverless-http emits it before marking the response ended);
  // a 'close' before the app ended the response means the client went away. The listeners are shared
  // by every request (they find it through `this`) rather than made per request.
  function onFinish(this: Response): void {
    complete(this, false);
  }
  function onClose(this: Response): void {
    complete(this, !this.writableEnded);
  }
  return (req, res) => {
    const id = requestIdFor(req.headers['x-request-id']);
    res.locals.receivedAt = Date.now();
    res.locals.requestId = id;
    res.setHeader('x-request-id', id);
    res.on('finish', onFinish);
    res.on('close', onClose);
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
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

/**
 * One log line per request (4xx at info, 5xx at error with the error), every line of the request
 * carrying `request_id`, which is also sent back in `x-request-id`. Bodies are never logged.
 */
export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'request_id', responseTime: 'duration_ms' },
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestIdFor(req.headers['x-request-id']);
      res.setHeader('x-request-id', id);
      return id;
    },
    customLogLevel: (_req, res, error) => (error !== undefined || res.statusCode >= 500 ? 'error' : 'info'),
    // Own serializers: the standard ones would log the parsed query (secrets included) and every response header.
    wrapSerializers: false,
    serializers: {
      req: (req: IncomingMessage & { originalUrl?: string }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.originalUrl ?? req.url ?? ''),
        headers: loggedHeaders(req.headers),
        remote_address: req.socket.remoteAddress,
      }),
      res: (res: ServerResponse) => ({
        status: res.statusCode,
        content_length: res.getHeader('content-length'),
      }),
    },
  });
}

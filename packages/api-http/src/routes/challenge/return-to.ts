import type { Request } from 'express';
import type { HttpError } from '../../http/errors/http-error.js';
import { invalidInput } from '../../http/routing/validation-error.js';

const FIELD = 'query.return_to';

function refuse(reason: string): HttpError {
  return invalidInput([{ field: FIELD, message: reason }]);
}

/**
 * The server's own public origin: that of `PUBLIC_BASE_URL`, else the origin the request was sent to
 * (the browser that follows the redirect reached us there).
 */
export function ownOrigin(req: Request, publicBaseUrl: string | undefined): string {
  return publicBaseUrl === undefined ? `${req.protocol}://${req.get('host') ?? ''}` : new URL(publicBaseUrl).origin;
}

/**
 * Checks the website's `return_to` of GET /auth/github: an absolute http(s) URL without credentials or a
 * fragment (the callback appends `#code=`), on one of the allowed origins. Anything else is refused, so
 * the sign-in code can only ever be handed to a page we trust. Returns the URL as WHATWG serialises it.
 */
export function checkReturnTo(raw: string, allowedOrigins: readonly string[]): string {
  if (!URL.canParse(raw)) throw refuse('must be an absolute URL');
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('must be an http(s) URL');
  if (raw.includes('#')) throw refuse('must not have a fragment (the sign-in code is returned in it)');
  if (url.username !== '' || url.password !== '') throw refuse('must not carry credentials');
  if (!allowedOrigins.includes(url.origin)) {
    throw refuse('must be on one of the configured FRONTEND_ORIGINS or on this server');
  }
  return url.href;
}

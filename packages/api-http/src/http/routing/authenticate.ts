import { DomainError, type Principal } from '@hdoc/domain';
import type { Request } from 'express';
import { bearerChallenge, HttpError } from '../errors/http-error.js';

/** Turns an access token into its principal; rejects (UnauthorizedError) when it is not valid now. */
export type Authenticate = (accessToken: string) => Promise<Principal>;

/** The default until identity is wired: no token is valid. */
export const rejectAllTokens: Authenticate = () => Promise.reject(unauthorized(true));

/** RFC 6750 `b64token` after the case-insensitive `Bearer` scheme. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

function unauthorized(tokenPresented: boolean): HttpError {
  return new HttpError(401, 'unauthorized', 'a valid bearer access token is required', {
    headers: bearerChallenge(tokenPresented),
  });
}

/**
 * Authenticates the request's `Authorization: Bearer` token. Every rejection of the token becomes
 * the same 401 (no hint whether it was expired, revoked or forged); failures of the authenticator's
 * own dependencies propagate (and become 503).
 */
export async function authenticateRequest(req: Request, authenticate: Authenticate): Promise<Principal> {
  const header = req.headers.authorization;
  if (header === undefined) throw unauthorized(false);
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) throw unauthorized(true);
  try {
    return await authenticate(token);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'unauthorized') throw unauthorized(true);
    if (error instanceof HttpError && error.status === 401) throw unauthorized(true);
    throw error;
  }
}

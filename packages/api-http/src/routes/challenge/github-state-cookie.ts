import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * Binds a GitHub login attempt to the browser that started it (login CSRF): `/auth/github` stores the
 * attempt's `state` in this cookie and the callback accepts only a `state` equal to it. HttpOnly (scripts
 * never need it), SameSite=Lax (sent on GitHub's top-level redirect back, not on cross-site subrequests),
 * scoped to `/auth/github` (the callback lives below it), Secure when the API is served over https.
 */
export const GITHUB_STATE_COOKIE = 'hdoc_github_state';
const COOKIE_PATH = '/auth/github';

function cookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax', path: COOKIE_PATH, secure } as const;
}

/** Sets the cookie for the attempt's lifetime. */
export function setStateCookie(res: Response, state: string, maxAgeSeconds: number, secure: boolean): void {
  res.cookie(GITHUB_STATE_COOKIE, state, { ...cookieOptions(secure), maxAge: maxAgeSeconds * 1000 });
}

/** Expires the cookie: an attempt is answered once, whatever the outcome. */
export function clearStateCookie(res: Response, secure: boolean): void {
  res.clearCookie(GITHUB_STATE_COOKIE, cookieOptions(secure));
}

/** The state the browser holds, or null when it sends none (or an undecodable one). */
export function stateFromCookie(req: Request): string | null {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== GITHUB_STATE_COOKIE) continue;
    try {
      const value = decodeURIComponent(pair.slice(separator + 1).trim());
      return value.length > 0 ? value : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** Compares the callback's state with the cookie's without leaking, through timing, how much matched. */
export function sameState(fromQuery: string, fromCookie: string): boolean {
  const a = Buffer.from(fromQuery, 'utf8');
  const b = Buffer.from(fromCookie, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether cookies must be Secure: the API's public base URL is https. */
export function isSecureBaseUrl(publicBaseUrl: string | undefined): boolean {
  return publicBaseUrl?.startsWith('https:') ?? false;
}

import { CompleteGitHubLogin, UnauthorizedError } from '@hdoc/domain';
import { z } from 'zod';
import { HttpConfigToken } from '../../composition/tokens.js';
import { defineRoute } from '../../http/routing/define-route.js';
import { GITHUB_LOGIN_EXAMPLE, GitHubLoginSchema, toGitHubLoginJson } from './github-login-json.js';
import { clearStateCookie, isSecureBaseUrl, sameState, stateFromCookie } from './github-state-cookie.js';

/**
 * `GET /auth/github/callback`: GitHub sends the browser back here. The state must be the one this
 * browser's cookie holds (else 401: the attempt was not started here), then the domain redeems the
 * code once with the attempt's PKCE verifier, creates the profile on first sign-in and opens a session
 * for `github:<login>`, answered as JSON; or, when the sign-in was started with `return_to`, a 302 back
 * to it with a single-use code in the fragment. The cookie is cleared on every answer: an attempt is
 * answered once.
 */
export const completeGitHubLoginRoute = defineRoute({
  method: 'get',
  path: '/auth/github/callback',
  operationId: 'completeGitHubLogin',
  summary: 'GitHub sign-in callback: session tokens, or back to the website',
  description:
    'Without `return_to` at the start: 200 with the session tokens. With it: 302 to `return_to#code=<code>`; ' +
    'the page reads the single-use code (valid 60 s) from the fragment and exchanges it with POST /sessions/github, ' +
    'so no token travels in a URL. 503 when GitHub is unreachable or answers something else than JSON. ' +
    '401 when GitHub reports an error (`?error=access_denied`), when the `hdoc_github_state` cookie is missing ' +
    'or differs from `state`, or when the attempt is unknown, expired, already used, or GitHub refuses the code.',
  tags: ['challenge'],
  auth: 'none',
  request: {
    query: z.object({
      code: z.string().max(512).optional(),
      state: z.string().max(512).optional(),
      error: z.string().max(256).optional().meta({ description: 'Set by GitHub when the user did not authorize' }),
    }),
  },
  responses: { 200: GitHubLoginSchema, 302: null },
  examples: { 200: GITHUB_LOGIN_EXAMPLE },
  errors: [401],
}).handle(async ({ query, req, res, resolve }) => {
  const cookieState = stateFromCookie(req);
  clearStateCookie(res, isSecureBaseUrl(resolve(HttpConfigToken).publicBaseUrl));
  res.setHeader('Cache-Control', 'no-store');
  if (query.error !== undefined) throw new UnauthorizedError('GitHub sign-in was not completed');
  if (query.state === undefined || cookieState === null || !sameState(query.state, cookieState)) {
    throw new UnauthorizedError('this sign-in was not started in this browser or has expired; start again');
  }
  const login = await resolve(CompleteGitHubLogin).execute({ code: query.code ?? '', state: query.state });
  if (login.kind === 'redirect') {
    // The fragment never leaves the browser (no Referer, no server log); the code is single-use and short-lived.
    return { status: 302, headers: { Location: `${login.returnTo}#code=${encodeURIComponent(login.code)}` } };
  }
  return { status: 200, body: toGitHubLoginJson(login) };
});

import { ClockToken, StartGitHubLogin } from '@hdoc/domain';
import { z } from 'zod';
import { HttpConfigToken } from '../../composition/tokens.js';
import { clientAddressOf } from '../../http/routing/client-address.js';
import { defineRoute } from '../../http/routing/define-route.js';
import { isSecureBaseUrl, setStateCookie } from './github-state-cookie.js';
import { checkReturnTo, ownOrigin } from './return-to.js';

/**
 * `GET /auth/github`: a fresh login attempt (state + PKCE verifier kept server-side), its state bound
 * to this browser by a cookie living as long as the attempt, and a redirect to GitHub's authorize page.
 */
export const startGitHubLoginRoute = defineRoute({
  method: 'get',
  path: '/auth/github',
  operationId: 'startGitHubLogin',
  summary: 'Sign in with GitHub (redirect)',
  description:
    'Answers 302 to GitHub\'s authorize page (state + PKCE S256) and sets the HttpOnly, SameSite=Lax cookie ' +
    '`hdoc_github_state` (Path=/auth/github, for the attempt\'s lifetime) that the callback checks. ' +
    'At most 30 starts per client address per 10 minutes (429 with Retry-After beyond).',
  tags: ['challenge'],
  auth: 'none',
  request: {
    query: z.object({
      return_to: z
        .string()
        .max(2048)
        .optional()
        .meta({
          description:
            'Where the website wants the browser back: an absolute URL on one of `FRONTEND_ORIGINS` or on this ' +
            'server, without a fragment. The callback then answers 302 to it with `#code=<single-use code>` ' +
            '(valid 60 s) for POST /sessions/github. Without it the callback answers the tokens as JSON.',
        }),
    }),
  },
  responses: { 302: null },
  errors: [429],
}).handle(async ({ query, req, res, resolve }) => {
  const config = resolve(HttpConfigToken);
  // Checked before anything is stored or counted: a refused return URL starts nothing.
  const returnTo =
    query.return_to === undefined
      ? null
      : checkReturnTo(query.return_to, [...config.frontendOrigins, ownOrigin(req, config.publicBaseUrl)]);
  const { authorizeUrl, state, expiresAt } = await resolve(StartGitHubLogin).execute({
    clientAddress: clientAddressOf(req),
    returnTo,
  });
  const maxAgeSeconds = Math.max(0, Math.floor((expiresAt.getTime() - resolve(ClockToken).now().getTime()) / 1000));
  setStateCookie(res, state, maxAgeSeconds, isSecureBaseUrl(config.publicBaseUrl));
  return { status: 302, headers: { Location: authorizeUrl, 'Cache-Control': 'no-store' } };
});

import { ClockToken, StartGitHubLogin } from '@hdoc/domain';
import { HttpConfigToken } from '../../composition/tokens.js';
import { defineRoute } from '../../http/routing/define-route.js';
import { isSecureBaseUrl, setStateCookie } from './github-state-cookie.js';

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
    '`hdoc_github_state` (Path=/auth/github, for the attempt\'s lifetime) that the callback checks.',
  tags: ['challenge'],
  auth: 'none',
  responses: { 302: null },
}).handle(async ({ res, resolve }) => {
  const { authorizeUrl, state, expiresAt } = await resolve(StartGitHubLogin).execute({});
  const maxAgeSeconds = Math.max(0, Math.floor((expiresAt.getTime() - resolve(ClockToken).now().getTime()) / 1000));
  setStateCookie(res, state, maxAgeSeconds, isSecureBaseUrl(resolve(HttpConfigToken).publicBaseUrl));
  return { status: 302, headers: { Location: authorizeUrl, 'Cache-Control': 'no-store' } };
});

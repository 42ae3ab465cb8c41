import { CompleteGitHubLogin, UnauthorizedError } from '@hdoc/domain';
import { z } from 'zod';
import { HttpConfigToken } from '../../composition/tokens.js';
import { defineRoute } from '../../http/routing/define-route.js';
import { clearStateCookie, isSecureBaseUrl, sameState, stateFromCookie } from './github-state-cookie.js';

const GitHubLoginSchema = z
  .strictObject({
    access_token: z.string(),
    refresh_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().min(1).meta({ description: 'Access token lifetime in seconds' }),
    github_username: z.string(),
    profile_created: z.boolean().meta({ description: 'True on the first sign-in, when the profile was created' }),
  })
  .meta({ id: 'GitHubLogin' });

/**
 * `GET /auth/github/callback`: GitHub sends the browser back here. The state must be the one this
 * browser's cookie holds (else 401: the attempt was not started here), then the domain redeems the
 * code once with the attempt's PKCE verifier, creates the profile on first sign-in and opens a session
 * for `github:<login>`. The cookie is cleared on every answer: an attempt is answered once.
 */
export const completeGitHubLoginRoute = defineRoute({
  method: 'get',
  path: '/auth/github/callback',
  operationId: 'completeGitHubLogin',
  summary: 'GitHub sign-in callback: session tokens',
  description:
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
  responses: { 200: GitHubLoginSchema },
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
  return {
    status: 200,
    body: {
      access_token: login.accessToken,
      refresh_token: login.refreshToken,
      token_type: login.tokenType,
      expires_in: login.expiresIn,
      github_username: login.githubUsername,
      profile_created: login.profileCreated,
    },
  };
});

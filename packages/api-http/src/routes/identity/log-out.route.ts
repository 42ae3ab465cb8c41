import { LogOut, LogOutWithRefreshToken } from '@hdoc/domain';
import { z } from 'zod';
import { AuthenticateToken } from '../../composition/tokens.js';
import { authenticateRequest } from '../../http/routing/authenticate.js';
import { defineRoute } from '../../http/routing/define-route.js';

/**
 * DELETE /sessions/current: ends one session; its access tokens stop working at once. With a body,
 * the refresh token names the session and the Authorization header is not consulted, so a client
 * whose access token expired logs out without refreshing first; without one, the bearer's session
 * ends. The route is public for that reason and authenticates the bearer itself.
 */
export const logOutRoute = defineRoute({
  method: 'delete',
  path: '/sessions/current',
  operationId: 'logOut',
  summary: 'Log out (this session)',
  description:
    'Either send `{"refresh_token": ...}` (no access token needed: works after it expired) or a bearer access ' +
    'token with no body. With a refresh token the answer is 204 whether or not its session was still live, ' +
    'so a repeated logout succeeds too; without one, a missing or invalid access token is a 401.',
  tags: ['identity'],
  auth: 'none',
  request: {
    body: z
      .strictObject({ refresh_token: z.string().max(1024).meta({ description: 'Any refresh token the session issued' }) })
      .optional()
      .meta({ id: 'LogOutRequest' }),
  },
  responses: { 204: null },
  errors: [401],
}).handle(async ({ body, req, resolve }) => {
  if (body === undefined) {
    const actor = await authenticateRequest(req, resolve(AuthenticateToken));
    await resolve(LogOut).execute({ actor });
  } else {
    await resolve(LogOutWithRefreshToken).execute({ refreshToken: body.refresh_token });
  }
  return { status: 204 };
});

import { LogOut } from '@hdoc/domain';
import { defineRoute } from '../../http/routing/define-route.js';

/** DELETE /sessions/current: ends the caller's session; its access token stops working at once. */
export const logOutRoute = defineRoute({
  method: 'delete',
  path: '/sessions/current',
  operationId: 'logOut',
  summary: 'Log out (this session)',
  tags: ['identity'],
  auth: 'bearer',
  responses: { 204: null },
}).handle(async ({ principal, resolve }) => {
  await resolve(LogOut).execute({ actor: principal });
  return { status: 204 };
});

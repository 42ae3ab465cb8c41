import { LogOutEverywhere } from '@hdoc/domain';
import { defineRoute } from '../../http/routing/define-route.js';

/** DELETE /sessions: ends every session of the caller, on every device. */
export const logOutEverywhereRoute = defineRoute({
  method: 'delete',
  path: '/sessions',
  operationId: 'logOutEverywhere',
  summary: 'Log out everywhere (all my sessions)',
  tags: ['identity'],
  auth: 'bearer',
  responses: { 204: null },
}).handle(async ({ principal, resolve }) => {
  await resolve(LogOutEverywhere).execute({ actor: principal });
  return { status: 204 };
});

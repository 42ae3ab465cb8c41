import { GetCurrentUser } from '@hdoc/domain';
import { defineRoute } from '../../http/routing/define-route.js';
import { USER_EXAMPLE, toUserJson, UserSchema } from './user.schema.js';

/** GET /users/me: the caller's account (404 for a GitHub participant, who has none). */
export const getCurrentUserRoute = defineRoute({
  method: 'get',
  path: '/users/me',
  operationId: 'getCurrentUser',
  summary: 'Read my account',
  tags: ['identity'],
  auth: 'bearer',
  responses: { 200: UserSchema },
  examples: { 200: USER_EXAMPLE },
  errors: [404],
}).handle(async ({ principal, resolve }) => {
  const user = await resolve(GetCurrentUser).execute({ actor: principal });
  return { status: 200, body: toUserJson(user) };
});

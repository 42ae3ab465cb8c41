import { SignUp } from '@hdoc/domain';
import { defineRoute } from '../../http/routing/define-route.js';
import { CredentialsSchema, toUserJson, UserSchema } from './user.schema.js';

/** POST /users: creates a password account. */
export const signUpRoute = defineRoute({
  method: 'post',
  path: '/users',
  operationId: 'signUp',
  summary: 'Create a password account',
  description: 'Usernames are unique case-insensitively and stored lowercase; a taken one answers 409.',
  tags: ['identity'],
  auth: 'none',
  request: { body: CredentialsSchema },
  responses: { 201: UserSchema },
  errors: [409],
}).handle(async ({ body, resolve }) => {
  const user = await resolve(SignUp).execute({ username: body.username, password: body.password });
  return { status: 201, body: toUserJson(user) };
});

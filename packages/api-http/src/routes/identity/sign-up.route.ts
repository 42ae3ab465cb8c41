import { SignUp } from '@hdoc/domain';
import { clientAddressOf } from '../../http/routing/client-address.js';
import { defineRoute } from '../../http/routing/define-route.js';
import { USER_EXAMPLE, CredentialsSchema, toUserJson, UserSchema } from './user.schema.js';

/** POST /users: creates a password account; the client address of the per-address limit is `req.ip` (honours `TRUST_PROXY`). */
export const signUpRoute = defineRoute({
  method: 'post',
  path: '/users',
  operationId: 'signUp',
  summary: 'Create a password account',
  description:
    'Usernames are unique case-insensitively and stored lowercase; a taken one answers 409. Rate limited per client ' +
    'address (default 20 an hour, counting only requests that pass validation): 429 with Retry-After.',
  tags: ['identity'],
  auth: 'none',
  request: { body: CredentialsSchema },
  responses: { 201: UserSchema },
  examples: { 201: USER_EXAMPLE },
  errors: [409, 429],
}).handle(async ({ body, req, resolve }) => {
  const user = await resolve(SignUp).execute({
    username: body.username,
    password: body.password,
    clientAddress: clientAddressOf(req),
  });
  return { status: 201, body: toUserJson(user) };
});

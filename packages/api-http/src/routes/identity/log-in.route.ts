import { LogIn } from '@hdoc/domain';
import { clientAddressOf } from '../../http/routing/client-address.js';
import { defineRoute } from '../../http/routing/define-route.js';
import { SESSION_TOKENS_EXAMPLE, SessionTokensSchema, toSessionTokensJson, TOKEN_RESPONSE_HEADERS } from './session-tokens.schema.js';
import { CredentialsSchema } from './user.schema.js';

/**
 * POST /sessions: password login. An unknown username and a wrong password get the same 401. The
 * client address for the per-address limit is `req.ip`, which honours `TRUST_PROXY`.
 */
export const logInRoute = defineRoute({
  method: 'post',
  path: '/sessions',
  operationId: 'logIn',
  summary: 'Log in with username and password',
  description: 'Rate limited per username and per client address (429 with Retry-After).',
  tags: ['identity'],
  auth: 'none',
  request: { body: CredentialsSchema },
  responses: { 200: SessionTokensSchema },
  examples: { 200: SESSION_TOKENS_EXAMPLE },
  errors: [401, 429],
}).handle(async ({ body, req, resolve }) => {
  const tokens = await resolve(LogIn).execute({
    username: body.username,
    password: body.password,
    clientAddress: clientAddressOf(req),
  });
  return { status: 200, body: toSessionTokensJson(tokens), headers: TOKEN_RESPONSE_HEADERS };
});

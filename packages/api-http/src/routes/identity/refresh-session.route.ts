import { RefreshSession } from '@hdoc/domain';
import { z } from 'zod';
import { defineRoute } from '../../http/routing/define-route.js';
import { SESSION_TOKENS_EXAMPLE, SessionTokensSchema, toSessionTokensJson, TOKEN_RESPONSE_HEADERS } from './session-tokens.schema.js';

/** POST /sessions/refresh: trades a refresh token for new tokens; a reused one ends the session after the grace. */
export const refreshSessionRoute = defineRoute({
  method: 'post',
  path: '/sessions/refresh',
  operationId: 'refreshSession',
  summary: 'Rotate my session tokens',
  description:
    'Each refresh token is traded once. Presented again within the reuse grace (default 15 s after its first use, ' +
    'e.g. by a second tab) it gets a new sibling pair of the same session; later, it revokes the whole session (401).',
  tags: ['identity'],
  auth: 'none',
  request: { body: z.strictObject({ refresh_token: z.string().max(1024) }) },
  responses: { 200: SessionTokensSchema },
  examples: { 200: SESSION_TOKENS_EXAMPLE },
  errors: [401],
}).handle(async ({ body, resolve }) => {
  const tokens = await resolve(RefreshSession).execute({ refreshToken: body.refresh_token });
  return { status: 200, body: toSessionTokensJson(tokens), headers: TOKEN_RESPONSE_HEADERS };
});

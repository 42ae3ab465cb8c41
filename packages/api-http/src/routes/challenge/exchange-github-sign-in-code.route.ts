import { ExchangeSignInCode } from '@hdoc/domain';
import { z } from 'zod';
import { defineRoute } from '../../http/routing/define-route.js';
import { TOKEN_RESPONSE_HEADERS } from '../identity/session-tokens.schema.js';
import { GITHUB_LOGIN_EXAMPLE, GitHubLoginSchema, toGitHubLoginJson } from './github-login-json.js';

const SignInCodeSchema = z
  .strictObject({
    code: z.string().min(1).max(512).meta({ description: 'The `code` from the fragment of the URL the callback sent the browser to' }),
  })
  .meta({ id: 'GitHubSignInCode' });

/** `POST /sessions/github`: the website's half of a GitHub sign-in started with `return_to`. */
export const exchangeGitHubSignInCodeRoute = defineRoute({
  method: 'post',
  path: '/sessions/github',
  operationId: 'exchangeGitHubSignInCode',
  summary: 'Exchange a GitHub sign-in code for session tokens',
  description:
    'Answers what the callback answers without `return_to`. A code works once and for 60 seconds: a second ' +
    'use, an expired or an unknown code answer 400 `invalid_grant` (sign in again).',
  tags: ['challenge'],
  auth: 'none',
  request: { body: SignInCodeSchema },
  responses: { 200: GitHubLoginSchema },
  examples: { 200: GITHUB_LOGIN_EXAMPLE },
}).handle(async ({ body, resolve }) => {
  const login = await resolve(ExchangeSignInCode).execute({ code: body.code });
  return { status: 200, body: toGitHubLoginJson(login), headers: TOKEN_RESPONSE_HEADERS };
});

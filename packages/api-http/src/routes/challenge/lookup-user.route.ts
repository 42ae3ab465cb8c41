import { GetProfile } from '@hdoc/domain';
import { z } from 'zod';
import { defineRoute } from '../../http/routing/define-route.js';
import { githubUsernameText } from './challenge-inputs.js';
import { PROFILE_EXAMPLE, ProfileSchema, toProfileJson } from './profile-json.js';

/**
 * `GET /users?username=`: the original backend's participant lookup, kept so the existing frontend
 * works unchanged; the same profile as `GET /profiles/{github_username}`.
 */
export const lookupUserRoute = defineRoute({
  method: 'get',
  path: '/users',
  operationId: 'lookupUser',
  summary: 'Look a participant up by GitHub username (legacy frontend route)',
  description: 'Same answer as `GET /profiles/{github_username}`; kept for the original frontend.',
  tags: ['challenge'],
  auth: 'none',
  request: { query: z.object({ username: githubUsernameText }) },
  responses: { 200: ProfileSchema },
  examples: { 200: PROFILE_EXAMPLE },
  errors: [404],
}).handle(async ({ query, resolve }) => {
  const { profile } = await resolve(GetProfile).execute({ githubUsername: query.username });
  return { status: 200, body: toProfileJson(profile) };
});

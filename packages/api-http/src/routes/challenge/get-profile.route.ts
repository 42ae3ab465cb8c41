import { GetProfile } from '@hdoc/domain';
import { defineRoute } from '../../http/routing/define-route.js';
import { GithubUsernameParams } from './challenge-inputs.js';
import { PROFILE_EXAMPLE, ProfileSchema, toProfileJson } from './profile-json.js';

/** `GET /profiles/{github_username}`: streaks and status as of now, not of the last write. */
export const getProfileRoute = defineRoute({
  method: 'get',
  path: '/profiles/{github_username}',
  operationId: 'getProfile',
  summary: "Read a participant's public profile",
  description: 'Streaks and status are projected to the current time in the participant\'s timezone.',
  tags: ['challenge'],
  auth: 'none',
  request: { params: GithubUsernameParams },
  responses: { 200: ProfileSchema },
  examples: { 200: PROFILE_EXAMPLE },
  errors: [404],
}).handle(async ({ params, resolve }) => {
  const { profile } = await resolve(GetProfile).execute({ githubUsername: params.github_username });
  return { status: 200, body: toProfileJson(profile) };
});

import { GetMyProfile } from '@hdoc/domain';
import { defineRoute } from '../../http/routing/define-route.js';
import { PROFILE_EXAMPLE, ProfileSchema, toProfileJson } from './profile-json.js';

/** `GET /profiles/me`: the signed-in participant's own profile (`me` never names a GitHub account here). */
export const getMyProfileRoute = defineRoute({
  method: 'get',
  path: '/profiles/me',
  operationId: 'getMyProfile',
  summary: 'Read my participant profile',
  description:
    'The profile of the participant the GitHub sign-in session names (403 for a password account). `me` is ' +
    'reserved in profile paths: the GitHub account named "me" is read as `/profiles/@me`.',
  tags: ['challenge'],
  auth: 'bearer',
  responses: { 200: ProfileSchema },
  examples: { 200: PROFILE_EXAMPLE },
  errors: [403, 404],
}).handle(async ({ principal, resolve }) => {
  const { profile } = await resolve(GetMyProfile).execute({ actor: principal });
  return { status: 200, body: toProfileJson(profile) };
});

import { UpdateProfile } from '@hdoc/domain';
import { z } from 'zod';
import { defineRoute } from '../../http/routing/define-route.js';
import { PROFILE_EXAMPLE, ProfileSchema, toProfileJson } from './profile-json.js';

/*
 * The bounds here only cap the size of what reaches the domain, whose rules (trimmed lengths in
 * characters, handle and URL shapes, IANA names) decide and answer 400 with the field.
 */
const optionalText = (max: number, description: string) => z.string().max(max).nullable().optional().meta({ description });

const ProfilePatchSchema = z
  .strictObject({
    full_name: optionalText(400, 'At most 100 characters, trimmed; null or blank clears it'),
    bio: optionalText(640, 'At most 160 characters, trimmed; null or blank clears it'),
    twitter_username: optionalText(64, 'X/Twitter handle, 1..15 of letters, digits, _ (a leading @ is dropped); null clears it'),
    linkedin_profile: optionalText(256, 'https://www.linkedin.com/in/<profile>; null clears it'),
    timezone: z.string().min(1).max(64).optional().meta({ description: 'IANA timezone name (e.g. Europe/Paris); not clearable' }),
  })
  .meta({ id: 'ProfilePatch' });

/** `PATCH /profiles/me`: absent fields stay, null clears an optional one. */
export const updateProfileRoute = defineRoute({
  method: 'patch',
  path: '/profiles/me',
  operationId: 'updateMyProfile',
  summary: 'Edit my participant profile',
  description:
    'Only sessions opened by GitHub sign-in act on a profile (403 otherwise). A timezone change moves "today" ' +
    'for streaks and status from now on; past entries keep their local dates.',
  tags: ['challenge'],
  auth: 'bearer',
  request: { body: ProfilePatchSchema },
  responses: { 200: ProfileSchema },
  examples: { 200: PROFILE_EXAMPLE },
  errors: [403, 404, 409],
}).handle(async ({ body, principal, resolve }) => {
  const { profile } = await resolve(UpdateProfile).execute({
    actor: principal,
    patch: {
      ...(body.full_name === undefined ? {} : { fullName: body.full_name }),
      ...(body.bio === undefined ? {} : { bio: body.bio }),
      ...(body.twitter_username === undefined ? {} : { twitterUsername: body.twitter_username }),
      ...(body.linkedin_profile === undefined ? {} : { linkedinProfile: body.linkedin_profile }),
      ...(body.timezone === undefined ? {} : { timezone: body.timezone }),
    },
  });
  return { status: 200, body: toProfileJson(profile) };
});

import type { GitHubLoginSession } from '@hdoc/domain';
import { z } from 'zod';

/** What a finished GitHub sign-in answers: the callback without `return_to`, and POST /sessions/github. */
export const GitHubLoginSchema = z
  .strictObject({
    access_token: z.string(),
    refresh_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().min(1).meta({ description: 'Access token lifetime in seconds' }),
    github_username: z.string(),
    profile_created: z.boolean().meta({ description: 'True on the first sign-in, when the profile was created' }),
  })
  .meta({ id: 'GitHubLogin' });

/** The API shape of a GitHub sign-in's session. */
export function toGitHubLoginJson(login: Omit<GitHubLoginSession, 'kind'>): z.input<typeof GitHubLoginSchema> {
  return {
    access_token: login.accessToken,
    refresh_token: login.refreshToken,
    token_type: login.tokenType,
    expires_in: login.expiresIn,
    github_username: login.githubUsername,
    profile_created: login.profileCreated,
  };
}

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

/** A first GitHub sign-in (the profile was just created). */
export const GITHUB_LOGIN_EXAMPLE = {
  access_token:
    'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJnaXRodWI6b2N0b2NhdCIsImlhdCI6MTczMjk2MDgwMCwiZXhwIjoxNzMyOTYxNzAwfQ.' +
    'Vb7mQ2xK9pLs4Rt1Wc8Ny3Fd6Hg0Jk5Za-Ue_Io2Pa7Sq4Dt1Xv8Bw3Cm6En9Gh0Jl5Kr2Mz7Np4Qs1Tu8Vw3Xy',
  refresh_token: 'Pq7sK1vN4bR9tX2cW6mL0dF3hJ8aG5eY-_ZoUiTyQwE',
  token_type: 'Bearer',
  expires_in: 900,
  github_username: 'octocat',
  profile_created: true,
} satisfies z.input<typeof GitHubLoginSchema>;

import { DEFAULT_PAGE_LIMIT, ENTRY_TYPES, parseGithubUsername, PROFILE_STATUSES } from '@hdoc/domain';
import { z } from 'zod';

/**
 * A whole number written with decimal digits only, then range-checked. Stricter than `z.coerce.number()`,
 * which would read `0x10`, `1e1` or ` 5` as numbers: a path or query value means exactly what it spells.
 * Documented as an integer with its bounds.
 */
export function integerText(min: number, max: number) {
  return z.preprocess(
    (value) => (typeof value === 'string' && /^[0-9]{1,9}$/.test(value) ? Number(value) : value),
    z.number().int().min(min).max(max),
  );
}

function isGithubUsername(value: string): boolean {
  try {
    parseGithubUsername(value);
    return true;
  } catch {
    return false;
  }
}

/** A GitHub login; the rule is the domain's, applied at the edge so the 400 names the request field. */
export const githubUsernameText = z
  .string()
  .min(1)
  .max(39)
  .refine(isGithubUsername, 'must be 1 to 39 letters, digits or single hyphens, not starting or ending with a hyphen')
  .meta({ description: 'GitHub login (matched case-insensitively)', example: 'octocat' });

/** `github` or `twitter`. */
export const entryTypeEnum = z.enum(ENTRY_TYPES);

/** `active`, `inactive` or `completed`. */
export const statusEnum = z.enum(PROFILE_STATUSES);

/** `limit` and `cursor` of every challenge list (default 20, at most 100; the cursor is opaque). */
export const pageQuery = {
  limit: integerText(1, 100).optional().meta({ description: 'Page size, 1..100 (default 20)', default: DEFAULT_PAGE_LIMIT }),
  cursor: z.string().min(1).max(512).optional().meta({ description: 'next_cursor of the previous page' }),
};

/** `me` names the signed-in participant in profile paths, in any case (the router matches paths case-insensitively). */
const isReservedMe = (value: string): boolean => value.toLowerCase() === 'me';
const withoutAt = (value: string): string => (value.startsWith('@') ? value.slice(1) : value);

/**
 * `{github_username}` path parameter: a GitHub login, optionally written `@login`. A bare `me` is
 * reserved for the signed-in participant (`/profiles/me`), so the GitHub account named `me` is read as
 * `@me` (`/profiles/@me`, `/profiles/@me/entries`, `/leaderboard/@me`).
 */
export const githubUsernamePathText = z
  .string()
  .min(1)
  .max(40)
  .refine((value) => !isReservedMe(value), '"me" is reserved for the signed-in participant; write @me for the GitHub account named me')
  .refine((value) => isGithubUsername(withoutAt(value)), 'must be a GitHub login (1 to 39 letters, digits or single hyphens), optionally after @')
  .transform(withoutAt)
  .meta({ description: 'GitHub login, matched case-insensitively; `@login` works too, and `@me` names the account called "me"', example: 'octocat' });

/** `{github_username}` path parameter. */
export const GithubUsernameParams = z.object({ github_username: githubUsernamePathText });

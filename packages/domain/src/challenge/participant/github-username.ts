import { ValidationError } from '../../shared/errors.js';

/** GitHub's own rule: 1..39 of letters, digits and single hyphens, not at either end. */
const GITHUB_USERNAME = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** Validates a GitHub login and returns it as given (GitHub's casing is kept for display). */
export function parseGithubUsername(value: unknown, field = 'github_username'): string {
  if (typeof value !== 'string') throw new ValidationError(field, 'must be a string');
  if (!GITHUB_USERNAME.test(value)) {
    throw new ValidationError(
      field,
      'must be 1 to 39 letters, digits or single hyphens, not starting or ending with a hyphen',
    );
  }
  return value;
}

/** The case-insensitive identity of a participant: GitHub logins differ only by case never name two people. */
export function githubUsernameKey(githubUsername: string): string {
  return githubUsername.toLowerCase();
}

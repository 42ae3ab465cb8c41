import { ValidationError } from '../../shared/errors.js';

/** GitHub's numeric user id: a positive integer, never reused, the same across renames. */
export function parseGithubId(value: unknown, field = 'github_id'): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError(field, 'must be a positive integer');
  }
  return value;
}

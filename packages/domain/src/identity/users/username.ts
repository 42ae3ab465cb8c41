import { UsernameTakenError, ValidationError } from '../../shared/errors.js';

/** Checked before lowercasing so that look-alikes such as the Kelvin sign cannot fold into ASCII. */
const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,32}$/;

/** Whether `value` can be a username at all (3..32 of [a-z0-9_.-], any case). */
export function isWellFormedUsername(value: string): boolean {
  return USERNAME_PATTERN.test(value);
}

/**
 * Validates a username and returns its canonical, lowercase form: usernames are unique
 * case-insensitively, so only the lowercase form is ever stored or compared.
 */
export function parseUsername(value: string, field = 'username'): string {
  if (!isWellFormedUsername(value)) {
    throw new ValidationError(field, 'must be 3 to 32 characters of a-z, 0-9, "_", "." or "-"');
  }
  return value.toLowerCase();
}

/** The conflict every UserRepository reports for a taken username, so the message is the same everywhere. */
export function usernameTaken(): UsernameTakenError {
  return new UsernameTakenError();
}

import { ValidationError } from '../../shared/errors.js';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

/** Length in Unicode code points, so a password of emoji is not counted twice. */
export function passwordLength(password: string): number {
  let length = 0;
  for (const _ of password) length += 1;
  return length;
}

/** A surrogate code unit not paired with its partner: `u`-mode iteration yields it as a Cs code point. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Refuses a password that is not well-formed Unicode (a lone surrogate, as JSON's `"\ud800"` gives).
 * Encoding it to UTF-8 for hashing would fold it to U+FFFD, so distinct passwords would collide.
 */
export function checkWellFormedPassword(password: string, field = 'password'): void {
  if (LONE_SURROGATE.test(password)) {
    throw new ValidationError(field, 'must be well-formed Unicode text (no lone surrogates)');
  }
}

/** Enforces the password policy of sign-up: well-formed Unicode, 8..128 characters. */
export function checkPasswordPolicy(password: string, field = 'password'): void {
  checkWellFormedPassword(password, field);
  const length = passwordLength(password);
  if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
    throw new ValidationError(
      field,
      `must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long`,
    );
  }
}

import { token } from '../../shared/token.js';

/**
 * Slow, salted password hashing (argon2id in production), run off the event loop. Hashes are
 * self-describing strings that carry their parameters, so old hashes keep verifying after the
 * parameters change and are upgraded on the next successful login.
 */
export interface PasswordHasher {
  /** A new salted hash of the password at the current parameters. */
  hash(password: string): Promise<string>;
  /** Whether the password matches; false (never a throw) for a mismatch. */
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** Whether the hash was made with other parameters than the current ones. */
  needsRehash(passwordHash: string): boolean;
}

export const PasswordHasherToken = token<PasswordHasher>('PasswordHasher');

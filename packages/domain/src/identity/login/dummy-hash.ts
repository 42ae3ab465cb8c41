import type { PasswordHasher } from '../users/password-hasher.port.js';

/** Not a secret: nobody can log in with it, it only makes the unknown-user path cost a verify. */
const DUMMY_PASSWORD = 'hdoc: no account has this password';

/** One per hasher (not per use case instance), so however use cases are scoped it is hashed once. */
const dummyHashes = new WeakMap<PasswordHasher, Promise<string>>();

/**
 * A hash at the hasher's current parameters that no user has, to verify against when the username
 * is unknown: both failure paths then cost one verify and look the same from outside.
 */
export function dummyHashOf(hasher: PasswordHasher): Promise<string> {
  let hash = dummyHashes.get(hasher);
  if (hash === undefined) {
    hash = hasher.hash(DUMMY_PASSWORD);
    dummyHashes.set(hasher, hash);
    // A failed hash is not cached: the next login tries again.
    hash.catch(() => dummyHashes.delete(hasher));
  }
  return hash;
}

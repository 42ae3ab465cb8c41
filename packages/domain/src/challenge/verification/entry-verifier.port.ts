import { token } from '../../shared/token.js';
import type { Entry } from '../entry/entry.js';
import type { Profile } from '../profile/profile.js';

/** What the verifier is asked about: the entry and the profile it belongs to (for usernames). */
export interface EntryVerificationRequest {
  readonly entry: Entry;
  readonly profile: Profile;
}

/** How sure the verifier is that the entry is genuine, and why. */
export interface EntryVerification {
  /** Integer 0..100; the entry counts as verified at 50 or more. */
  readonly confidence: number;
  /** A short human-readable explanation, e.g. "commit not found". */
  readonly reason: string;
}

/**
 * Checks an entry against the outside world (GitHub, Twitter/X). Every adapter starts from the same pure
 * shape rules (`checkEntryUrlShape`). Throws only for failures worth retrying (network, rate limit); a
 * missing post or repository is an answer with a low confidence, not an error.
 */
export interface EntryVerifier {
  verify(request: EntryVerificationRequest): Promise<EntryVerification>;
}

export const EntryVerifierToken = token<EntryVerifier>('EntryVerifier');

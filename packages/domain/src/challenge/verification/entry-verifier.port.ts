import { DomainError } from '../../shared/errors.js';
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
 * The service the verifier asks (GitHub, X) told it to come back later (HTTP 429, or 403 with the
 * rate limit spent). Not a failure of the job: VerifyEntry queues it again after `retryAfterSeconds`.
 */
export class VerifierRateLimitedError extends DomainError {
  readonly code = 'verifier_rate_limited';
  constructor(
    readonly service: string,
    /** Whole seconds, at least 1. */
    readonly retryAfterSeconds: number,
  ) {
    super(`${service} rate limit reached, retry in ${retryAfterSeconds} s`);
    this.name = 'VerifierRateLimitedError';
  }
}

/**
 * Checks an entry against the outside world (GitHub, Twitter/X). Every adapter starts from the same pure
 * shape rules (`checkEntryUrlShape`) and scores with `scoreVerificationChecks`. Throws
 * VerifierRateLimitedError when told to wait, and an Error for failures worth retrying (network, 5xx after
 * its own retries); a missing post or repository is an answer with a low confidence, not an error.
 */
export interface EntryVerifier {
  verify(request: EntryVerificationRequest): Promise<EntryVerification>;
}

export const EntryVerifierToken = token<EntryVerifier>('EntryVerifier');

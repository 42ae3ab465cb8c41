import { token } from '../../shared/token.js';

/**
 * A finished GitHub sign-in waiting for its page to exchange the single-use code (POST /sessions/github).
 * It holds who signed in, never tokens: the session opens at the exchange.
 */
export interface PendingSignIn {
  /** SHA-256 fingerprint of the code (the code itself is never stored). */
  readonly codeFingerprint: string;
  /** The participant's login as the profile keeps it. */
  readonly githubUsername: string;
  readonly profileCreated: boolean;
  readonly expiresAt: Date;
}

/**
 * Short-lived storage of single-use sign-in codes (Redis in production, with TTL). A pending sign-in
 * is gone once the adapter's Clock reaches its `expiresAt`, or once taken.
 */
export interface SignInCodeStore {
  /** Keeps the pending sign-in until its `expiresAt`. */
  save(pending: PendingSignIn): Promise<void>;
  /**
   * Atomically removes and returns the live pending sign-in with this code fingerprint, or null when it
   * is unknown, already taken or expired. Of concurrent takes of one code, at most one gets it.
   */
  take(codeFingerprint: string): Promise<PendingSignIn | null>;
}

export const SignInCodeStoreToken = token<SignInCodeStore>('SignInCodeStore');

import { token } from '../../shared/token.js';

/** At most `limit` attempts per window of `windowSeconds`. */
export interface RateLimit {
  readonly limit: number;
  readonly windowSeconds: number;
}

/** One attempt on `key` under `limit`, for {@link RateLimiter.consumeAll}. */
export interface RateLimitAttempt {
  readonly key: string;
  readonly limit: RateLimit;
}

/** The verdict on one attempt. */
export type RateLimitDecision =
  | { readonly allowed: true; readonly remaining: number }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Counts attempts per key in fixed windows (Redis in production). A window opens at the first
 * attempt on a key and closes `windowSeconds` later, measured by the adapter's Clock; within it the
 * first `limit` attempts are allowed and the rest refused with the whole seconds (>= 1) left until
 * it closes. Refused attempts do not extend the window.
 */
export interface RateLimiter {
  /** Counts one attempt on `key` and says whether it is allowed. */
  consume(key: string, limit: RateLimit): Promise<RateLimitDecision>;
  /**
   * Counts one attempt on each key, each exactly as `consume` would (a refusal on one key changes
   * nothing on the others), and answers the decisions in the order given. Adapters count them in
   * one round trip where their storage allows (one script on a single Redis node): a caller
   * limited on several keys at once pays one call, not one per key. Keys must be distinct.
   */
  consumeAll(attempts: readonly RateLimitAttempt[]): Promise<RateLimitDecision[]>;
  /** Forgets the attempts on `key` (e.g. after a successful login). */
  reset(key: string): Promise<void>;
}

export const RateLimiterToken = token<RateLimiter>('RateLimiter');

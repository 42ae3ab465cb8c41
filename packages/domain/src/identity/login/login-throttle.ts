import { RateLimitedError } from '../../shared/errors.js';
import type { RateLimit, RateLimiter } from '../rate-limit/rate-limiter.port.js';

/** How many login attempts are allowed per username and per client address. */
export interface LoginThrottlePolicy {
  readonly perUsername: RateLimit;
  readonly perClientAddress: RateLimit;
}

/**
 * Defaults: 10 attempts per username and 50 per address (offices share addresses) in 15 minutes.
 * Enough to slow online guessing to a crawl without locking out a user who mistypes.
 */
export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  perUsername: { limit: 10, windowSeconds: 15 * 60 },
  perClientAddress: { limit: 50, windowSeconds: 15 * 60 },
};

/**
 * Counts login attempts on both keys. Every attempt counts, successful or not, so the throttle also
 * bounds the argon2 work one caller can demand; a success clears the username's count only, since
 * clearing the address's would let an attacker reset it with an account of their own.
 */
export class LoginThrottle {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly policy: LoginThrottlePolicy,
  ) {}

  /** Counts one attempt; `RateLimitedError` with the longer wait when either key is over its limit. */
  async attempt(username: string, clientAddress: string): Promise<void> {
    const decisions = await this.limiter.consumeAll([
      { key: usernameKey(username), limit: this.policy.perUsername },
      { key: addressKey(clientAddress), limit: this.policy.perClientAddress },
    ]);
    const waits = decisions.flatMap((d) => (d.allowed ? [] : [d.retryAfterSeconds]));
    if (waits.length > 0) throw new RateLimitedError(Math.max(...waits));
  }

  /** Forgets the username's failed attempts after it logged in. */
  async succeeded(username: string): Promise<void> {
    await this.limiter.reset(usernameKey(username));
  }
}

function usernameKey(username: string): string {
  return `login:username:${username.toLowerCase()}`;
}

function addressKey(clientAddress: string): string {
  return `login:address:${clientAddress}`;
}

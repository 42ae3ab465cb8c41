import type { Clock, RateLimit, RateLimitAttempt, RateLimitDecision, RateLimiter } from '@hdoc/domain';
import { ExpiringMap } from './expiring-map.js';

interface Window {
  readonly closesAt: number;
  count: number;
}

/**
 * Fixed-window rate limiting in memory, timed by the Clock (rate-limiter-flexible reads the system
 * time, which tests cannot move). The same algorithm as an INCR + PEXPIRE NX in Redis.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows: ExpiringMap<string, Window>;

  constructor(private readonly clock: Clock) {
    this.windows = new ExpiringMap(clock);
  }

  async consume(key: string, limit: RateLimit): Promise<RateLimitDecision> {
    return this.count(key, limit);
  }

  async consumeAll(attempts: readonly RateLimitAttempt[]): Promise<RateLimitDecision[]> {
    return attempts.map(({ key, limit }) => this.count(key, limit));
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  private count(key: string, limit: RateLimit): RateLimitDecision {
    const now = this.clock.now().getTime();
    let window = this.windows.get(key);
    if (window === undefined) {
      window = { closesAt: now + limit.windowSeconds * 1000, count: 0 };
      this.windows.set(key, window, window.closesAt);
    }
    if (window.count >= limit.limit) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.closesAt - now) / 1000)) };
    }
    window.count += 1;
    return { allowed: true, remaining: limit.limit - window.count };
  }
}

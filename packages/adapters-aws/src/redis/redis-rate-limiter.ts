import type { Clock, RateLimit, RateLimitDecision, RateLimiter } from '@hdoc/domain';
import type { Cluster, Redis } from 'ioredis';
import { RedisKeys } from './redis-keys.js';

/**
 * One attempt in a fixed window. KEYS: the window hash (closesAt in ms, count).
 * ARGV: now (ms), windowMs, limit. A window opens at the first attempt after the last one closed;
 * a refused attempt changes nothing. Answers {1, remaining} or {0, ms until the window closes}.
 */
const CONSUME_SCRIPT = `
local now = tonumber(ARGV[1])
local limit = tonumber(ARGV[3])
local closesAt = tonumber(redis.call('HGET', KEYS[1], 'closesAt'))
local count = 0
if not closesAt or now >= closesAt then
  closesAt = now + tonumber(ARGV[2])
  redis.call('HSET', KEYS[1], 'closesAt', string.format('%d', closesAt), 'count', 0)
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
else
  count = tonumber(redis.call('HGET', KEYS[1], 'count'))
end
if count >= limit then return {0, closesAt - now} end
redis.call('HINCRBY', KEYS[1], 'count', 1)
return {1, limit - count - 1}
`;

type ConsumeCommand = (key: string, now: number, windowMs: number, limit: number) => Promise<[number, number]>;

/**
 * Fixed-window rate limiting in Redis, one Lua script per attempt on the key `{rl:<key>}`.
 * Not rate-limiter-flexible's RateLimiterRedis: it reads the system time inside the library (and
 * its window is measured by the key's Redis TTL), so neither the domain's Clock nor the contract's
 * manual clock could drive it. Here the Clock's now is an argument; the key's TTL (the window's
 * length) only frees memory.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly keys: RedisKeys;
  private readonly consumeScript: ConsumeCommand;

  constructor(
    private readonly redis: Redis | Cluster,
    private readonly clock: Clock,
    options: { readonly keyPrefix: string },
  ) {
    this.keys = new RedisKeys(options.keyPrefix);
    redis.defineCommand('hdocRateLimitConsume', { numberOfKeys: 1, lua: CONSUME_SCRIPT });
    this.consumeScript = (redis as unknown as Record<string, ConsumeCommand>).hdocRateLimitConsume!.bind(redis);
  }

  async consume(key: string, limit: RateLimit): Promise<RateLimitDecision> {
    const now = this.clock.now().getTime();
    const [allowed, figure] = await this.consumeScript(this.keys.tagged('rl', key), now, limit.windowSeconds * 1000, limit.limit);
    return allowed === 1
      ? { allowed: true, remaining: figure }
      : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(figure / 1000)) };
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.keys.tagged('rl', key));
  }
}

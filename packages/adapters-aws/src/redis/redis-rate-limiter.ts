import type { Clock, RateLimit, RateLimitAttempt, RateLimitDecision, RateLimiter } from '@hdoc/domain';
import type { Cluster, Redis } from 'ioredis';
import { RedisKeys } from './redis-keys.js';

/**
 * One attempt on each key, each in its own fixed window. KEYS: the window hashes (closesAt in ms,
 * count). ARGV: now (ms), then windowMs and limit for each key in turn. A window opens at the first
 * attempt after the last one closed; a refused attempt changes nothing. Answers, per key,
 * {1, remaining} or {0, ms until the window closes}.
 */
const CONSUME_SCRIPT = `
local now = tonumber(ARGV[1])
local answers = {}
for i, key in ipairs(KEYS) do
  local windowMs = ARGV[2 * i]
  local limit = tonumber(ARGV[2 * i + 1])
  local closesAt = tonumber(redis.call('HGET', key, 'closesAt'))
  local count = 0
  if not closesAt or now >= closesAt then
    closesAt = now + tonumber(windowMs)
    redis.call('HSET', key, 'closesAt', string.format('%d', closesAt), 'count', 0)
    redis.call('PEXPIRE', key, windowMs)
  else
    count = tonumber(redis.call('HGET', key, 'count'))
  end
  if count >= limit then
    answers[i] = {0, closesAt - now}
  else
    redis.call('HINCRBY', key, 'count', 1)
    answers[i] = {1, limit - count - 1}
  end
end
return answers
`;

/** The script with its key count first, as ioredis passes a command defined without `numberOfKeys`. */
type ConsumeCommand = (numberOfKeys: number, ...keysThenArgs: (string | number)[]) => Promise<[number, number][]>;

/**
 * Fixed-window rate limiting in Redis on the keys `{rl:<key>}`, one Lua script per call: on one
 * node `consumeAll` counts every key in that one script (one round trip); on a cluster, where a
 * script may not span slots, it runs the script once per key, side by side.
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
    redis.defineCommand('hdocRateLimitConsume', { lua: CONSUME_SCRIPT });
    this.consumeScript = (redis as unknown as Record<string, ConsumeCommand>).hdocRateLimitConsume!.bind(redis);
  }

  async consume(key: string, limit: RateLimit): Promise<RateLimitDecision> {
    const [decision] = await this.consumeAll([{ key, limit }]);
    return decision!;
  }

  async consumeAll(attempts: readonly RateLimitAttempt[]): Promise<RateLimitDecision[]> {
    const now = this.clock.now().getTime();
    const answers = this.redis.isCluster
      ? (await Promise.all(attempts.map((attempt) => this.run(now, [attempt])))).flat()
      : await this.run(now, attempts);
    return answers.map(([allowed, figure]) =>
      allowed === 1 ? { allowed: true, remaining: figure } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(figure / 1000)) },
    );
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.keys.tagged('rl', key));
  }

  private run(now: number, attempts: readonly RateLimitAttempt[]): Promise<[number, number][]> {
    return this.consumeScript(
      attempts.length,
      ...attempts.map(({ key }) => this.keys.tagged('rl', key)),
      now,
      ...attempts.flatMap(({ limit }) => [limit.windowSeconds * 1000, limit.limit]),
    );
  }
}

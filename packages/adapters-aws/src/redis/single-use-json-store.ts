import type { Clock } from '@hdoc/domain';
import type { Cluster, Redis } from 'ioredis';
import { RedisKeys, ttlMs } from './redis-keys.js';

/**
 * Single-use, expiring JSON values in Redis, one key `{<kind>:<id>}` each: `put` sets the value
 * with a TTL taken from the Clock, `take` removes and returns it with GETDEL (one atomic command,
 * so of concurrent takes at most one gets it). The value keeps its expiry instant, checked against
 * the Clock on take, so a manual clock expires it; the Redis TTL only frees memory.
 */
export class SingleUseJsonStore<T extends { readonly expiresAt: Date }> {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis | Cluster,
    private readonly clock: Clock,
    keyPrefix: string,
    private readonly kind: string,
    private readonly revive: (json: Record<string, unknown>) => T,
  ) {
    this.keys = new RedisKeys(keyPrefix);
  }

  async put(id: string, value: T): Promise<void> {
    await this.redis.set(this.keys.tagged(this.kind, id), JSON.stringify(value), 'PX', ttlMs(value.expiresAt, this.clock.now()));
  }

  async take(id: string): Promise<T | null> {
    const json = await this.redis.getdel(this.keys.tagged(this.kind, id));
    if (json === null) return null;
    const value = this.revive(JSON.parse(json) as Record<string, unknown>);
    return value.expiresAt.getTime() > this.clock.now().getTime() ? value : null;
  }
}

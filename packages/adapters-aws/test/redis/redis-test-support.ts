import { randomUUID } from 'node:crypto';
import type { AdjustableClock } from '@hdoc/contract-tests';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { connectRedis } from '../../src/index.js';

/** The machine's shared Redis (DESIGN.md: Real infrastructure in tests). */
export const SHARED_REDIS_URL = 'redis://127.0.0.1:6379';

/** A clock the suites move by hand; it starts at the real now so Redis TTLs set from it are sane. */
export class TestClock implements AdjustableClock {
  private current = Date.now();
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/**
 * One client to the shared Redis for a test file, connected before its tests and closed after.
 * When Redis is not answering, the file fails with one line saying how to start it.
 */
export function useSharedRedis(): () => Redis {
  let client: Redis | undefined;
  beforeAll(async () => {
    try {
      client = await connectRedis({ url: SHARED_REDIS_URL });
    } catch {
      throw new Error(`Redis is not answering on ${SHARED_REDIS_URL}: start it with scripts/ensure-services.sh`);
    }
  });
  afterAll(async () => {
    await client?.quit();
  });
  return () => {
    if (client === undefined) throw new Error('the shared Redis client is not connected');
    return client;
  };
}

/** A random key prefix for one subject, and a cleanup that deletes every key under it. */
export function isolatedPrefix(redis: Redis): { readonly keyPrefix: string; readonly cleanup: () => Promise<void> } {
  const keyPrefix = `test:${randomUUID()}:`;
  return {
    keyPrefix,
    cleanup: async () => {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1000);
        // One key per DEL: on a cluster node a multi-key DEL across slots is refused (CROSSSLOT).
        if (keys.length > 0) await keys.reduce((pipeline, key) => pipeline.del(key), redis.pipeline()).exec();
        cursor = next;
      } while (cursor !== '0');
    },
  };
}

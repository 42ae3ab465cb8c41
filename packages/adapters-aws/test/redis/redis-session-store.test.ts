import { describeSessionStoreContract } from '@hdoc/contract-tests';
import type { RefreshRotation } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { connectRedis, RedisSessionStore } from '../../src/index.js';
import { PrivateRedisServer } from './private-redis-server.js';
import { isolatedPrefix, TestClock, useSharedRedis } from './redis-test-support.js';

const redis = useSharedRedis();

describeSessionStoreContract('RedisSessionStore', async () => {
  const clock = new TestClock();
  const { keyPrefix, cleanup } = isolatedPrefix(redis());
  return { store: new RedisSessionStore(redis(), clock, { keyPrefix }), clock, cleanup };
});

describe('RedisSessionStore: parallel refreshes outside the grace window', () => {
  const GRACE = 15_000;
  const HOUR = 3_600_000;

  it('refuses every one of parallel late replays of a used token, changing nothing, as the memory store does', async () => {
    const clock = new TestClock();
    const { keyPrefix, cleanup } = isolatedPrefix(redis());
    const store = new RedisSessionStore(redis(), clock, { keyPrefix });
    const trade = (presented: string, next: string): RefreshRotation => ({
      sessionId: 's-1',
      presentedFingerprint: presented,
      nextFingerprint: next,
      expiresAt: new Date(clock.now().getTime() + HOUR),
      at: clock.now(),
      reuseGraceMs: GRACE,
    });
    try {
      const now = clock.now();
      await store.create({ id: 's-1', subject: 'u', refreshFingerprint: 'fp-0', createdAt: now, expiresAt: new Date(now.getTime() + HOUR) });
      expect(await store.rotate(trade('fp-0', 'fp-1'))).toBe('rotated');
      clock.advance(GRACE);
      const before = await store.get('s-1');
      const outcomes = await Promise.all([2, 3, 4, 5].map((n) => store.rotate(trade('fp-0', `fp-${n}`))));
      expect(outcomes).toEqual(['refused', 'refused', 'refused', 'refused']);
      expect(await store.get('s-1')).toEqual(before);
      for (const n of [2, 3, 4, 5]) expect(await store.findByRefreshFingerprint(`fp-${n}`)).toBeNull();
      // The live child still trades once, whatever races it.
      const child = await Promise.all([6, 7, 8].map((n) => store.rotate(trade('fp-1', `fp-${n}`))));
      expect(child.filter((o) => o === 'rotated')).toHaveLength(1);
      expect(child.filter((o) => o === 'reissued')).toHaveLength(2);
    } finally {
      await cleanup();
    }
  });
});

describe('RedisSessionStore: scripts Redis lost (SCRIPT FLUSH, a replaced node)', () => {
  it('still rotates and logs out everywhere, its pipelined scripts reloaded by the client', async () => {
    // A server of its own: flushing the shared one's scripts would disturb other suites.
    const server = await PrivateRedisServer.start();
    const client = await connectRedis({ url: server.url });
    const clock = new TestClock();
    const store = new RedisSessionStore(client, clock, { keyPrefix: 'flush:' });
    const later = () => new Date(clock.now().getTime() + 3_600_000);
    try {
      await store.create({ id: 's-1', subject: 'u', refreshFingerprint: 'fp-0', createdAt: clock.now(), expiresAt: later() });
      const rotation = { sessionId: 's-1', expiresAt: later(), at: clock.now(), reuseGraceMs: 0 };
      expect(await store.rotate({ ...rotation, presentedFingerprint: 'fp-0', nextFingerprint: 'fp-1' })).toBe('rotated');
      await client.script('FLUSH');
      expect(await store.rotate({ ...rotation, presentedFingerprint: 'fp-1', nextFingerprint: 'fp-2' })).toBe('rotated');
      await client.script('FLUSH');
      expect(await store.revokeAllOf('u')).toBe(1);
      expect(await store.get('s-1')).toBeNull();
    } finally {
      client.disconnect();
      await server.stop();
    }
  });
});

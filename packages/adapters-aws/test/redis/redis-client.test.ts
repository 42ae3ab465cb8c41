import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { connectRedis, RedisSessionStore } from '../../src/index.js';
import { freePort, PrivateRedisServer } from './private-redis-server.js';
import { TestClock } from './redis-test-support.js';

/** What ioredis throws when Redis is gone or hung (the HTTP edge must answer 503 for these). */
const REDIS_DOWN = /Stream isn't writeable|Connection is closed|Command timed out|Reached the max retries/;

async function failureOf(work: () => Promise<unknown>): Promise<{ error: Error; ms: number }> {
  const started = performance.now();
  const error = await work().then(
    () => new Error('expected a failure'),
    (failure: unknown) => failure as Error,
  );
  return { error, ms: performance.now() - started };
}

describe('connectRedis: a dead Redis fails commands fast', () => {
  let server: PrivateRedisServer | undefined;
  let client: Redis | undefined;

  afterEach(async () => {
    client?.disconnect();
    client = undefined;
    server?.signal('SIGCONT');
    await server?.stop();
    server = undefined;
  });

  it('refuses to connect to a port with nothing listening, well under a second', async () => {
    const port = await freePort();
    const { error, ms } = await failureOf(() => connectRedis({ url: `redis://127.0.0.1:${port}` }));
    expect(ms).toBeLessThan(1000);
    expect(error.message).toMatch(/ECONNREFUSED|Connection is closed/);
  });

  it('fails a command in well under a second once Redis dies, and works again when it is back', async () => {
    server = await PrivateRedisServer.start();
    client = await connectRedis({ url: server.url });
    const store = new RedisSessionStore(client, new TestClock(), { keyPrefix: 'dead-test:' });
    expect(await store.get('s-1')).toBeNull();

    await server.stop();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const { error, ms } = await failureOf(() => store.get('s-1'));
      expect(ms).toBeLessThan(1000);
      expect(error.message).toMatch(REDIS_DOWN);
    }

    await server.startAgain();
    await expect.poll(() => store.get('s-1').catch(() => 'down'), { timeout: 3000, interval: 100 }).toBeNull();
  });

  it('fails a command in well under a second when Redis hangs (commandTimeout)', async () => {
    server = await PrivateRedisServer.start();
    client = await connectRedis({ url: server.url });
    server.signal('SIGSTOP');
    const { error, ms } = await failureOf(() => client!.get('k'));
    expect(ms).toBeLessThan(1000);
    expect(error.message).toMatch(/Command timed out/);
  });
});

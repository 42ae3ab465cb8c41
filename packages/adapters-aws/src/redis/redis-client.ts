import { setTimeout as delay } from 'node:timers/promises';
import { Redis, type RedisOptions } from 'ioredis';

/** Where the Redis server is and what to do with the client's connection errors. */
export interface RedisClientOptions {
  /** A `redis://` or `rediss://` URL (ElastiCache with TLS in production). */
  readonly url: string;
  /**
   * Hears the client's connection errors (ioredis emits one per failed reconnect). Commands fail on
   * their own while Redis is down, so the default ignores them; pass a logger to see them.
   */
  readonly onError?: (error: Error) => void;
}

/**
 * Settings so a dead Redis fails a command in well under a second instead of ioredis's ~73 s
 * (it queues commands while disconnected and retries each 20 times across reconnects):
 * - `enableOfflineQueue: false`: while disconnected a command is rejected at once instead of queued;
 * - `maxRetriesPerRequest: 1`: a command caught by a dropped connection is retried once, then fails;
 * - `commandTimeout`: a connected but unresponsive server (a hung node, a black-holed network)
 *   fails the command after 500 ms;
 * - `connectTimeout`: a connection attempt that gets no answer gives up after 1 s;
 * - `retryStrategy`: reconnects keep going in the background, quickly (50 ms steps, at most 500 ms
 *   apart), so the first command after Redis is back succeeds.
 */
export const FAIL_FAST_REDIS_SETTINGS = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  commandTimeout: 500,
  connectTimeout: 1000,
  retryStrategy: (attempt: number) => Math.min(attempt * 50, 500),
} as const satisfies RedisOptions;

/**
 * A connected ioredis client with {@link FAIL_FAST_REDIS_SETTINGS}. It resolves once the connection
 * is ready: without the offline queue, a command sent before that would be refused, so a cold
 * start must wait here rather than fail its first request. It rejects when Redis cannot be reached
 * (the client is then disconnected, so nothing keeps reconnecting).
 */
export async function connectRedis(options: RedisClientOptions): Promise<Redis> {
  const client = new Redis(options.url, { ...FAIL_FAST_REDIS_SETTINGS, lazyConnect: true });
  client.on('error', options.onError ?? (() => undefined));
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw error;
  }
  return client;
}

/**
 * A client with {@link FAIL_FAST_REDIS_SETTINGS} for a long-lived host (the API, the worker): unlike
 * {@link connectRedis} it never gives up. It waits for the first connection at most `connectTimeout`, so
 * a healthy start does not refuse its first requests, and otherwise returns at once and keeps
 * reconnecting in the background: a host started while Redis is down comes up, answers 503 for what
 * needs Redis, and serves normally as soon as Redis is back.
 */
export async function openRedis(options: RedisClientOptions): Promise<Redis> {
  const client = new Redis(options.url, FAIL_FAST_REDIS_SETTINGS);
  client.on('error', options.onError ?? (() => undefined));
  const stopWaiting = new AbortController();
  const settled = new Promise<void>((resolve) => {
    client.once('ready', resolve);
    client.once('error', () => resolve());
  });
  await Promise.race([settled, delay(FAIL_FAST_REDIS_SETTINGS.connectTimeout, undefined, { signal: stopWaiting.signal }).catch(() => undefined)]);
  stopWaiting.abort();
  return client;
}

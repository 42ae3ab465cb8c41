import { once } from 'node:events';
import net from 'node:net';
import { expect } from 'vitest';
import { isolatedPrefix, SHARED_REDIS_URL, useSharedRedis } from '../../../adapters-aws/test/redis/redis-test-support.js';
import { createTestSchema, TEST_DATABASE_URL } from '../../../adapters-aws/test/postgres/test-schema.js';
import type { ComposedApi } from '../identity/composed-api.js';
import type { OpenBacking } from '../support/backing.js';

/** Where the API's identity stores are reached; the defaults are the machine's shared PostgreSQL and Redis. */
export interface IdentityStoreLocation {
  readonly databaseUrl?: string;
  readonly redisUrl?: string;
}

/**
 * Real identity stores for the APIs of one test file (ADAPTERS_IDENTITY=aws): each API gets its own
 * migrated schema and its own Redis key prefix, dropped and deleted when it closes. Call at the top
 * of the file: it connects to the shared Redis before the tests, and a file whose PostgreSQL or Redis
 * is not answering fails with one line naming the service and how to start it.
 */
export function useRealIdentityStores(): (location?: IdentityStoreLocation) => OpenBacking {
  const sharedRedis = useSharedRedis();
  return (location = {}) =>
    async () => {
      const schema = await createTestSchema();
      const prefix = isolatedPrefix(sharedRedis());
      return {
        env: {
          ADAPTERS_IDENTITY: 'aws',
          DATABASE_URL: location.databaseUrl ?? TEST_DATABASE_URL,
          POSTGRES_SCHEMA: schema.name,
          REDIS_URL: location.redisUrl ?? SHARED_REDIS_URL,
          REDIS_KEY_PREFIX: prefix.keyPrefix,
        },
        close: async () => {
          await prefix.cleanup();
          await schema.drop();
        },
      };
    };
}

/**
 * A TCP proxy on an OS-given loopback port in front of a server (the shared PostgreSQL), that a test
 * can cut: the database is then unreachable for whoever connects through it, while everybody else
 * keeps using the shared server.
 */
export class CuttableTcpProxy {
  private readonly connections = new Set<net.Socket>();
  private isCut = false;

  private constructor(private readonly server: net.Server) {}

  /** Listens on 127.0.0.1 (port 0) and forwards each connection to `target`. */
  static async start(target: { readonly host: string; readonly port: number }): Promise<CuttableTcpProxy> {
    const server = net.createServer();
    const proxy = new CuttableTcpProxy(server);
    server.on('connection', (client) => proxy.forward(client, target));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return proxy;
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  /** Resets every open connection and every new one until {@link restore}: the database is gone. */
  cut(): void {
    this.isCut = true;
    for (const socket of this.connections) socket.resetAndDestroy();
  }

  /** Lets connections through again. */
  restore(): void {
    this.isCut = false;
  }

  async close(): Promise<void> {
    this.cut();
    this.server.close();
    await once(this.server, 'close');
  }

  private forward(client: net.Socket, target: { readonly host: string; readonly port: number }): void {
    if (this.isCut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    for (const [socket, peer] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.connections.add(socket);
      socket.pipe(peer);
      socket.on('error', () => peer.destroy());
      socket.on('close', () => {
        this.connections.delete(socket);
        peer.destroy();
      });
    }
  }
}

/** The shared PostgreSQL's host and port, from the URL the test schemas are created on. */
export function sharedPostgresAddress(): { host: string; port: number } {
  const url = new URL(TEST_DATABASE_URL);
  return { host: url.hostname, port: Number(url.port || 5432) };
}

/** `TEST_DATABASE_URL` with its host and port replaced by the proxy's. */
export function databaseUrlThrough(proxy: CuttableTcpProxy): string {
  const url = new URL(TEST_DATABASE_URL);
  url.host = `127.0.0.1:${proxy.port}`;
  return url.toString();
}

/** Runs `work` and measures how long it took. */
export async function timed<T>(work: () => Promise<T>): Promise<{ readonly result: T; readonly ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

/** Waits until `/readyz` answers `status` (a dependency's client reconnects in the background). */
export async function readinessBecomes(api: ComposedApi, status: number): Promise<void> {
  await expect.poll(async () => (await api.send('get', '/readyz')).status, { timeout: 10_000, interval: 50 }).toBe(status);
}

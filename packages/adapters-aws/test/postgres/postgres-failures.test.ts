import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresPool, PostgresUserRepository } from '../../src/index.js';
import { createTestSchema, TEST_DATABASE_URL } from './test-schema.js';

/** A loopback port the OS gave out and nothing listens on any more. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A server on an OS-given port that accepts connections and never says a word (a blackholed database). */
async function silentServer(): Promise<net.Server> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('close', () => sockets.forEach((s) => s.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function timed<T>(work: () => Promise<T>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  const error = await work().then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, ms: performance.now() - started };
}

describe('PostgresUserRepository when the database is not there', () => {
  const servers: net.Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  it('fails at once with ECONNREFUSED (a 503 at the HTTP edge) when nothing listens', async () => {
    const pool = createPostgresPool({ connectionString: `postgres://postgres@127.0.0.1:${await closedPort()}/test` });
    try {
      const { error, ms } = await timed(() => new PostgresUserRepository(pool).findByUsername('alice'));
      expect(error).toMatchObject({ code: 'ECONNREFUSED' });
      expect(ms).toBeLessThan(1_000);
    } finally {
      await pool.end();
    }
  });

  it('gives up within a second when the server accepts the connection but never answers', async () => {
    const server = await silentServer();
    servers.push(server);
    const { port } = server.address() as AddressInfo;
    const pool = createPostgresPool({ connectionString: `postgres://postgres@127.0.0.1:${port}/test` });
    try {
      const { error, ms } = await timed(() => new PostgresUserRepository(pool).findById('u-1'));
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/connection timeout/);
      expect(ms).toBeLessThan(1_000);
    } finally {
      await pool.end();
    }
  });

  it('survives the database dropping its idle connections and works again on the next query', async () => {
    const schema = await createTestSchema({ max: 1 });
    const repository = new PostgresUserRepository(schema.pool);
    try {
      const { rows } = await schema.pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const terminator = createPostgresPool({ connectionString: TEST_DATABASE_URL });
      await terminator.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      await terminator.end();
      // Give pg the moment it needs to notice the closed socket of its idle connection.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await repository.findById('u-1')).toBeNull();
    } finally {
      await schema.drop();
    }
  });
});

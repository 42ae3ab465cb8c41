import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { Closers } from '@hdoc/composition';
import { installGracefulShutdown } from '../src/graceful-shutdown.js';
import { captureLogs } from '../../api-http/test/support/test-server.js';

/** A server whose /slow answers after `delayMs`, and a way to know a request reached it. */
async function slowServer(delayMs: number) {
  const app = express();
  let arrived: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  app.get('/slow', (_req, res) => {
    arrived();
    setTimeout(() => res.json({ done: true }), delayMs);
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, reached, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('graceful shutdown', () => {
  it('finishes in-flight requests, refuses new ones, then runs the closers in reverse order and exits 0', async () => {
    const { logger } = captureLogs();
    const { server, reached, url } = await slowServer(300);
    const order: string[] = [];
    const closers = new Closers(logger);
    closers.register('pool', () => {
      order.push('pool');
    });
    closers.register('worker', async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      order.push('worker');
    });
    closers.register('broken', () => {
      throw new Error('cannot close');
    });
    const exits: number[] = [];
    const { shutdown, dispose } = installGracefulShutdown({ server, closers, logger, timeoutMs: 5_000, exit: (code) => exits.push(code) });
    try {
      const inFlight = fetch(`${url}/slow`).then((response) => response.json() as Promise<unknown>);
      await reached;
      const stopping = shutdown();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await expect(fetch(`${url}/slow`)).rejects.toThrow();
      expect(order).toEqual([]);
      expect(await inFlight).toEqual({ done: true });
      await stopping;
      expect(order).toEqual(['worker', 'pool']);
      expect(exits).toEqual([0]);
      expect(shutdown()).toBe(stopping);
    } finally {
      dispose();
    }
  });

  it('cuts requests that outlive the deadline', async () => {
    const { logger } = captureLogs();
    const { server, reached, url } = await slowServer(10_000);
    const { shutdown, dispose } = installGracefulShutdown({
      server,
      closers: new Closers(logger),
      logger,
      timeoutMs: 200,
      exit: () => undefined,
    });
    try {
      const inFlight = fetch(`${url}/slow`);
      await reached;
      const started = Date.now();
      await shutdown();
      expect(Date.now() - started).toBeLessThan(2_000);
      await expect(inFlight).rejects.toThrow();
    } finally {
      dispose();
    }
  });

  it('runs on SIGTERM, and a second signal exits at once with 1', async () => {
    const { logger } = captureLogs();
    const { server, reached, url } = await slowServer(200);
    const exits: number[] = [];
    const { dispose } = installGracefulShutdown({ server, closers: new Closers(logger), logger, timeoutMs: 5_000, exit: (code) => exits.push(code) });
    try {
      const inFlight = fetch(`${url}/slow`);
      await reached;
      process.emit('SIGTERM');
      process.emit('SIGINT');
      expect(exits).toEqual([1]);
      await inFlight;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(exits).toEqual([1, 0]);
    } finally {
      dispose();
    }
  });
});

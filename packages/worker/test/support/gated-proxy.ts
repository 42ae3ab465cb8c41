import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP proxy in front of an emulator that can hold requests: a dependency made slow on demand. */
export interface GatedProxy {
  readonly endpoint: string;
  /** Requests arriving from now on wait until `open()`. */
  close(): void;
  /** Lets every held and future request through. */
  open(): void;
  /** Resolves when at least `count` requests have been held since the proxy started. */
  held(count?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a proxy to `target` (e.g. DynamoDB Local's endpoint) on a port the OS chooses; it starts open. */
export async function startGatedProxy(target: string): Promise<GatedProxy> {
  const upstream = new URL(target);
  let closed = false;
  let heldCount = 0;
  let waiting: (() => void)[] = [];
  const heldWaiters: { count: number; resolve: () => void }[] = [];
  const forward = (incoming: IncomingMessage, body: Buffer, response: ServerResponse): void => {
    const outgoing = request(
      { hostname: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    outgoing.on('error', () => response.destroy());
    outgoing.end(body);
  };
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      if (!closed) return forward(incoming, body, response);
      heldCount += 1;
      for (const waiter of heldWaiters.filter((entry) => entry.count <= heldCount)) waiter.resolve();
      waiting.push(() => forward(incoming, body, response));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => {
      closed = true;
    },
    open: () => {
      closed = false;
      const released = waiting;
      waiting = [];
      for (const release of released) release();
    },
    held: (count = 1) =>
      new Promise<void>((resolve) => {
        if (heldCount >= count) resolve();
        else heldWaiters.push({ count, resolve });
      }),
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

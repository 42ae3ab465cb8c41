import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Express } from 'express';
import { pino, type Logger } from 'pino';
import { LOG_SERIALIZERS, REDACTED_PATHS } from '@hdoc/composition';

/** A running server on 127.0.0.1 and a free port. */
export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

/** Starts `app` on 127.0.0.1, port 0 (a free one). */
export async function startServer(app: Express): Promise<RunningServer> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A logger configured like the real one (same redaction) whose lines the test can read. */
export interface CapturedLogger {
  readonly logger: Logger;
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[];
  /** Every line written so far, raw (to search for leaked secrets anywhere). */
  text(): string;
}

export function captureLogs(level: pino.Level = 'debug'): CapturedLogger {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString('utf8');
      callback();
    },
  });
  const logger = pino(
    { level, base: { service: 'test' }, redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' }, serializers: LOG_SERIALIZERS },
    sink,
  );
  return {
    logger,
    text: () => text,
    lines: () =>
      text
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

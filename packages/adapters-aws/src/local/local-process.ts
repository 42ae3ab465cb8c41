import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** An error whose stack is its message, so test runners and scripts print one line naming the problem. */
export function oneLine(message: string): Error {
  const error = new Error(message);
  error.stack = `Error: ${message}`;
  return error;
}

/** A port the OS says is free now; a server binds it a moment later (a lost race is retried by the caller). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port from the OS');
  return address.port;
}

/** A stop for a child server: SIGTERM, SIGKILL after `graceMs`, resolved once it has exited (at once if it has). */
export function stopperOf(child: ChildProcess, graceMs: number): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
  };
}

/**
 * Polls `answers` every 100 ms until it resolves true. Throws the child's failure as soon as there is one,
 * and past `timeoutMs` stops the child and throws one line `timeoutMessage`.
 */
export async function waitUntilAnswering(options: {
  readonly answers: () => Promise<boolean>;
  readonly failure: () => Error | undefined;
  readonly stop: () => Promise<void>;
  readonly timeoutMs: number;
  readonly timeoutMessage: string;
}): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await options.answers()) return;
    const failure = options.failure();
    if (failure !== undefined) throw failure;
    if (Date.now() > deadline) {
      await options.stop();
      throw oneLine(options.timeoutMessage);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts a server on a port the OS reports free, trying another port (up to `attempts`) when the server
 * exited before answering: the one lost race worth retrying (the port was taken in between). Other
 * failures are thrown at once.
 */
export async function startOnFreePort<T>(start: (port: number) => Promise<T>, attempts: number): Promise<T> {
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      return await start(await freePort());
    } catch (error) {
      lastError = error as Error;
      if (!/exited/.test(lastError.message)) throw lastError;
    }
  }
  throw lastError;
}

import { spawn } from 'node:child_process';
import { oneLine, startOnFreePort, stopperOf, waitUntilAnswering } from './local-process.js';

/** A running moto_server on loopback. */
export interface MotoServer {
  readonly endpoint: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 3_000;
const PORT_ATTEMPTS = 3;

async function answers(endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

async function startOnce(port: number): Promise<MotoServer> {
  const endpoint = `http://127.0.0.1:${port}`;
  // stderr carries one access-log line per request: it is drained (a full pipe would stall moto) and
  // only its tail kept for the error message.
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderrTail = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-2_000);
  });
  const exited = new Promise<Error>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      resolve(
        oneLine(
          error.code === 'ENOENT'
            ? 'moto_server is not on PATH: install it with `pip install "moto[server]"`'
            : `moto_server could not start: ${error.message}`,
        ),
      ),
    );
    child.once('exit', (code, signal) => {
      const lastLine = stderrTail.trim().split('\n').at(-1) ?? '';
      resolve(oneLine(`moto_server exited (${signal ?? code}) before answering on ${endpoint}: ${lastLine}`));
    });
  });
  const stop = stopperOf(child, STOP_GRACE_MS);

  let failure: Error | undefined;
  void exited.then((error) => (failure = error));
  await waitUntilAnswering({
    answers: () => answers(endpoint),
    failure: () => failure,
    stop,
    timeoutMs: READY_TIMEOUT_MS,
    timeoutMessage: `moto_server did not answer GET ${endpoint}/moto-api/ within ${READY_TIMEOUT_MS / 1000} s`,
  });
  return { endpoint, stop };
}

/**
 * Starts moto_server on a free loopback port and resolves once `GET /moto-api/` answers (~1-3 s).
 * Fails with one line when moto_server is not installed or does not come up.
 */
export async function startMotoServer(): Promise<MotoServer> {
  return startOnFreePort(startOnce, PORT_ATTEMPTS);
}

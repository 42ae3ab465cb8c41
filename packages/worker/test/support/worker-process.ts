import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const WORKER_MAIN = fileURLToPath(new URL('../../src/process/main.ts', import.meta.url));
const DLQ_MAIN = fileURLToPath(new URL('../../src/dlq/main.ts', import.meta.url));

/** One node process (no tsx wrapper process), so a signal sent to it reaches the worker itself. */
function spawnTs(main: string, args: readonly string[], env: Readonly<Record<string, string>>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', '--conditions=@hdoc/source', main, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A running `npm run worker`, its log lines parsed as they come. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Every JSON log line so far. */
  lines(): Record<string, unknown>[];
  stderr(): string;
  /** Resolves with the first log line (past or future) matching. */
  line(matches: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the worker's main as its own process with exactly `env` (and PATH). */
export function startWorker(env: Readonly<Record<string, string>>): WorkerProcess {
  const child = spawnTs(WORKER_MAIN, [], env);
  const parsed: Record<string, unknown>[] = [];
  const waiters: { matches: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }[] = [];
  let partial = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const text = partial + chunk;
    const complete = text.split('\n');
    partial = complete.pop() ?? '';
    for (const raw of complete.filter((entry) => entry.trim() !== '')) {
      const line = JSON.parse(raw) as Record<string, unknown>;
      parsed.push(line);
      for (const waiter of waiters.filter((entry) => entry.matches(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  return {
    child,
    lines: () => [...parsed],
    stderr: () => stderr,
    line: (matches) => {
      const found = parsed.find(matches);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        waiters.push({ matches, resolve });
        void exited.then(({ code, signal }) => reject(new Error(`the worker exited (${signal ?? code}) first: ${stderr.trim().split('\n').at(-1) ?? ''}`)));
      });
    },
    exited,
  };
}

/** Runs `npm run dlq -- <args>` to completion. */
export async function runDlq(args: readonly string[], env: Readonly<Record<string, string>>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnTs(DLQ_MAIN, args, env);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

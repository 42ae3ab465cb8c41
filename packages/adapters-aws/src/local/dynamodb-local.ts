import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { oneLine, startOnFreePort, stopperOf, waitUntilAnswering } from './local-process.js';

/** A running DynamoDB Local (the official Java server bundled in the local-dynamo package). */
export interface DynamoDbLocal {
  /** `http://127.0.0.1:<port>`; the server itself listens on every interface (it has no host option). */
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** Region and dummy credentials for clients of DynamoDB Local, which accepts any. */
export const DYNAMODB_LOCAL_CLIENT_SETTINGS = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
} as const;

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 3_000;
const PORT_ATTEMPTS = 3;

/** The folder holding DynamoDBLocal.jar, resolved through local-dynamo's package.json (a dev dependency). */
export function dynamoDbLocalDirectory(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('local-dynamo/package.json')), 'aws_dynamodb_local');
}

async function answers(client: DynamoDBClient): Promise<boolean> {
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

async function startOnce(directory: string, port: number): Promise<DynamoDbLocal> {
  const endpoint = `http://127.0.0.1:${port}`;
  // -Xmx: without it the JVM was seen growing to 5.6 GiB. -sharedDb: one database whatever the
  // credentials and region, so every client of the run sees the same tables.
  const args = [
    '-Xmx512m',
    `-Djava.library.path=${join(directory, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(directory, 'DynamoDBLocal.jar'),
    '-inMemory',
    '-sharedDb',
    '-port',
    String(port),
  ];
  const child = spawn('java', args, { cwd: directory, stdio: ['ignore', 'pipe', 'pipe'] });
  let outputTail = '';
  const keepTail = (chunk: string): void => {
    outputTail = (outputTail + chunk).slice(-2_000);
  };
  child.stdout.setEncoding('utf8').on('data', keepTail);
  child.stderr.setEncoding('utf8').on('data', keepTail);
  let failure: Error | undefined;
  child.once('error', (error: NodeJS.ErrnoException) => {
    failure = oneLine(
      error.code === 'ENOENT'
        ? 'java is not on PATH: install a Java runtime (>= 8, e.g. `apt-get install default-jre-headless`) to run DynamoDB Local'
        : `DynamoDB Local could not start: ${error.message}`,
    );
  });
  child.once('exit', (code, signal) => {
    const lastLine = outputTail.trim().split('\n').at(-1) ?? '';
    failure ??= oneLine(`DynamoDB Local exited (${signal ?? code}) before answering on ${endpoint}: ${lastLine}`);
  });
  // A JVM outlives its parent: when this process exits without calling stop (an uncaught error,
  // process.exit), the server goes with it. A signal that ends this process without an exit event
  // (SIGINT, SIGTERM, SIGKILL with no handler) still leaves it running: a long-lived caller handles those.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const stop = stopperOf(child, STOP_GRACE_MS);

  const client = new DynamoDBClient({ ...DYNAMODB_LOCAL_CLIENT_SETTINGS, endpoint, maxAttempts: 1 });
  try {
    await waitUntilAnswering({
      answers: () => answers(client),
      failure: () => failure,
      stop,
      timeoutMs: READY_TIMEOUT_MS,
      timeoutMessage: `DynamoDB Local did not answer ListTables on ${endpoint} within ${READY_TIMEOUT_MS / 1000} s`,
    });
    return { endpoint, stop };
  } finally {
    client.destroy();
  }
}

/**
 * Starts DynamoDB Local in memory on a port the OS reports free and resolves once it answers
 * ListTables (~3-5 s). It listens on all interfaces, not only loopback: the jar has no host option.
 * Fails with one line when java is missing or the server does not come up.
 */
export async function startDynamoDbLocal(directory: string = dynamoDbLocalDirectory()): Promise<DynamoDbLocal> {
  return startOnFreePort((port) => startOnce(directory, port), PORT_ATTEMPTS);
}

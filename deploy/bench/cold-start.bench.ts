/**
 * `npm run bench -- cold-start`: each Lambda bundle's size and its init time (a fresh node process
 * importing the bundle, which builds what its handler needs at module load), median of 10, against a bare
 * handler bundled the same way that imports only @aws-sdk/lib-dynamodb and builds its client. Bundles are
 * built into .bench-out/cold-start. The functions run with ADAPTERS=aws and the machine's Redis and
 * PostgreSQL named (nothing is read at init but the Redis connection the identity stores open; the AWS
 * clients connect per request), as in Lambda.
 * Last line: {"bench":"cold-start","ratio":R,"bundle_bytes":{...},"init_ms":{...}}, R = the largest init
 * ratio; targets R <= 1.5 and every bundle <= 3 MB.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleFunction } from '../lambda/bundle.js';
import { LAMBDA_FUNCTIONS, type LambdaFunction } from '../lambda/functions.js';

const RUNS = 10;
const root = join(import.meta.dirname, '..', '..');

const BARE_HANDLER = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = (event) => documents.send(new GetCommand({ TableName: process.env.CHALLENGE_TABLE, Key: event }));
`;

/** The environment of a function on the AWS path (resources named; nothing contacted at init but Redis). */
function lambdaEnvironment(): NodeJS.ProcessEnv {
  const { privateKey } = generateKeyPairSync('ed25519');
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    ADAPTERS: 'aws',
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    CHALLENGE_TABLE: 'hdoc-bench-challenge',
    PHOTOS_TABLE: 'hdoc-bench-photos',
    PHOTOS_BUCKET: 'hdoc-bench-photos',
    VERIFICATION_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/000000000000/hdoc-bench-verification',
    PHOTO_EVENTS_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/000000000000/hdoc-bench-photo-events',
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: 'hdoc-bench-cold-start:',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
    TOKEN_SIGNING_KEY: JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid: 'bench' }),
    PUBLIC_BASE_URL: 'https://api.example.com',
  };
}

/** Milliseconds from the start of the import to its end, in a fresh process (median of RUNS). */
function initTimes(file: string, env: NodeJS.ProcessEnv): number[] {
  const probe = `const t0 = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t0)); process.exit(0);`;
  return Array.from({ length: RUNS }, () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`importing ${file} failed: ${run.stderr.slice(0, 2000)}`);
    return Number(run.stdout);
  });
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2;
};
const round = (n: number): number => Math.round(n * 10) / 10;

// Inside the repository, so the native modules the layers provide in Lambda resolve from node_modules.
const out = join(root, '.bench-out', 'cold-start');
try {
  const bareEntry = join(root, 'deploy', 'bench', '.bare-handler.mjs');
  await writeFile(bareEntry, BARE_HANDLER);
  const bare: LambdaFunction = { name: 'bare', entry: 'deploy/bench/.bare-handler.mjs' };
  const functions = [bare, ...LAMBDA_FUNCTIONS];
  const env = lambdaEnvironment();
  const bundleBytes: Record<string, number> = {};
  const initMs: Record<string, number> = {};
  const spread: Record<string, [number, number]> = {};
  try {
    for (const fn of functions) {
      const bundle = await bundleFunction(root, fn, out);
      const times = initTimes(bundle.file, env);
      bundleBytes[fn.name] = bundle.bytes;
      initMs[fn.name] = round(median(times));
      spread[fn.name] = [round(Math.min(...times)), round(Math.max(...times))];
    }
  } finally {
    await rm(bareEntry, { force: true });
  }
  const ratios = LAMBDA_FUNCTIONS.map((fn) => initMs[fn.name]! / initMs.bare!);
  console.log('function                   bytes   init ms (median, min..max of 10)   ratio');
  for (const fn of functions) {
    const ratio = initMs[fn.name]! / initMs.bare!;
    const over = bundleBytes[fn.name]! > 3 * 1024 * 1024 ? '  OVER 3 MB' : '';
    console.log(`${fn.name.padEnd(24)} ${String(bundleBytes[fn.name]).padStart(9)}   ${String(initMs[fn.name]).padStart(7)} (${spread[fn.name]!.join('..')})   ${ratio.toFixed(2)}${over}`);
  }
  const ratio = Math.round(Math.max(...ratios) * 100) / 100;
  console.log(JSON.stringify({ bench: 'cold-start', ratio, bundle_bytes: bundleBytes, init_ms: initMs }));
} finally {
  await rm(out, { recursive: true, force: true });
}

/**
 * `npm run bench -- http-overhead`: the cost of the HTTP stack (request id, logging, security
 * headers, CORS, authentication, validation, error handling) over a bare express app answering the
 * same JSON body.
 *
 * PROVISIONAL: the targets are `/healthz` (public) and a bench-local bearer route (auth) until the
 * product routes exist; then `public` becomes `GET /leaderboard?limit=50` and `auth`
 * `GET /photos?limit=50` with a bearer token (edit TARGETS below).
 *
 * Each round measures baseline and targets for BENCH_DURATION_S seconds (default 3) with 10
 * connections; figures are medians over BENCH_ROUNDS rounds (default 3). The last line is the JSON
 * summary; ratio = min(public, auth) throughput relative to the baseline (1 = no overhead).
 */
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import express from 'express';
import { pino } from 'pino';
import { z } from 'zod';
import { createHttpApp } from '../src/http/app.js';
import { defineRoute } from '../src/http/routing/define-route.js';
import { median } from '../../../scripts/bench-kit.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 10;
const BENCH_TOKEN = 'bench-token';

/** Throughput and tail latency of one measurement. */
interface Measurement {
  readonly rps: number;
  readonly p99Ms: number;
}

/** Hammers `url` for `durationS` seconds; fails if any answer is not 2xx. */
export async function measure(url: string, headers: Record<string, string> = {}, durationS = DURATION_S): Promise<Measurement> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: durationS, headers });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return { rps: result.requests.average, p99Ms: result.latency.p99 };
}

async function listen(app: express.Express): Promise<{ url: string; close: () => void }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** The baseline: bare express serializing, per request, the very JSON body the target answers. */
function baselineApp(body: unknown): express.Express {
  const app = express();
  app.get('/baseline', (_req, res) => {
    res.json(body);
  });
  return app;
}

/** The target's answer, which its baseline then sends. */
async function bodyOf(target: { url: string; headers: Record<string, string> }): Promise<unknown> {
  const response = await fetch(target.url, { headers: target.headers });
  if (!response.ok) throw new Error(`${target.url}: ${response.status}`);
  return response.json();
}

/** The app under test, logging at info to /dev/null as production logs to stdout. */
function appUnderTest(): express.Express {
  const benchRoute = defineRoute({
    method: 'get',
    path: '/bench/items',
    summary: 'Bench-only authenticated list',
    tags: ['bench'],
    auth: 'bearer',
    request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).optional() }) },
    responses: { 200: z.strictObject({ items: z.array(z.strictObject({ id: z.string() })), next_cursor: z.string().nullable() }) },
  }).handle(async ({ query }) => {
    await Promise.resolve();
    return { status: 200, body: { items: Array.from({ length: query.limit ?? 20 }, (_, i) => ({ id: `item-${i}` })), next_cursor: null } };
  });
  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
  return createHttpApp({
    logger,
    routes: [benchRoute],
    authenticate: (token) =>
      token === BENCH_TOKEN ? Promise.resolve({ subject: 'bench', sessionId: 's' }) : Promise.reject(new Error('bad token')),
  }).app;
}

async function main(): Promise<void> {
  const target = await listen(appUnderTest());
  const TARGETS = {
    public: { url: `${target.url}/healthz`, headers: {} },
    auth: { url: `${target.url}/bench/items?limit=50`, headers: { authorization: `Bearer ${BENCH_TOKEN}` } },
  } as const;
  // Each target gets a baseline answering its body, so producing the JSON is not counted as overhead.
  const baselines = {
    public: await listen(baselineApp(await bodyOf(TARGETS.public))),
    auth: await listen(baselineApp(await bodyOf(TARGETS.auth))),
  };
  const runs: Record<string, Measurement[]> = { public: [], auth: [], public_baseline: [], auth_baseline: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of ['public', 'auth'] as const) {
      runs[`${name}_baseline`]?.push(await measure(`${baselines[name].url}/baseline`));
      runs[name]?.push(await measure(TARGETS[name].url, TARGETS[name].headers));
      globalThis.gc?.();
    }
  }
  const rps = (name: string) => median((runs[name] ?? []).map((run) => run.rps));
  const p99 = (name: string) => median((runs[name] ?? []).map((run) => run.p99Ms));
  const publicRatio = rps('public') / rps('public_baseline');
  const authRatio = rps('auth') / rps('auth_baseline');
  for (const name of Object.keys(runs)) console.log(`${name.padEnd(16)} ${rps(name).toFixed(0).padStart(7)} req/s  p99 ${p99(name)} ms`);
  target.close();
  baselines.public.close();
  baselines.auth.close();
  const round3 = (value: number) => Math.round(value * 1000) / 1000;
  console.log(
    JSON.stringify({
      bench: 'http-overhead',
      provisional: true,
      public_ratio: round3(publicRatio),
      auth_ratio: round3(authRatio),
      ratio: round3(Math.min(publicRatio, authRatio)),
      rps: { public: Math.round(rps('public')), auth: Math.round(rps('auth')), public_baseline: Math.round(rps('public_baseline')), auth_baseline: Math.round(rps('auth_baseline')) },
      p99_ms: { public: p99('public'), auth: p99('auth'), public_baseline: p99('public_baseline'), auth_baseline: p99('auth_baseline') },
    }),
  );
}

await main();

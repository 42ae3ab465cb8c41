/**
 * `npm run bench -- http-overhead`: what the HTTP stack (request id, logging, security headers, CORS,
 * authentication, validation, use case, error handling) costs over a bare express app answering the
 * same JSON body. Targets: `GET /leaderboard?limit=50` with 1,000 participants (public) and
 * `GET /photos?limit=50` with a bearer token and 1,000 photos (authenticated).
 *
 * The apps run in a child process (http-overhead.server.ts) so autocannon, here, does not share their
 * event loop. After one unmeasured warm-up round, each round measures each target and its baseline
 * back to back for BENCH_DURATION_S seconds each (default 1.5) with 10 connections, the pair's order
 * swapped every round so that drift hits both alike. A ratio is the median over BENCH_ROUNDS rounds
 * (default 10) of each round's ratio: a pair measured seconds apart shares the machine's state of
 * the moment, which on a shared machine moves throughput by ±20% within a minute. Other figures are
 * medians; BENCH_VERBOSE=1 prints every round. The last line is the JSON summary; ratio =
 * min(public, auth) throughput relative to its baseline (1 = no overhead). `cpu_ratio` is the same
 * comparison on the server's CPU time per request.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { median } from '../../../scripts/bench-kit.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 1.5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const CONNECTIONS = 10;

interface Target {
  readonly url: string;
  readonly headers: Record<string, string>;
}

interface ServerReady {
  readonly targets: Record<'public' | 'auth', Target>;
  readonly baselines: Record<'public' | 'auth', string>;
}

/** Throughput, tail latency and the server's CPU time per request of one measurement. */
interface Measurement {
  readonly rps: number;
  readonly p99Ms: number;
  readonly cpuMicrosPerRequest: number;
}

/** The server process's CPU time so far (user + system), in microseconds. */
async function serverCpu(server: ChildProcess): Promise<number> {
  const answer = once(server, 'message') as Promise<[{ cpuMicros: number }]>;
  server.send('cpu');
  return (await answer)[0].cpuMicros;
}

/** Hammers `url` for DURATION_S seconds; fails if any answer is not 2xx. */
async function measure(server: ChildProcess, url: string, headers: Record<string, string> = {}): Promise<Measurement> {
  const cpuBefore = await serverCpu(server);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  const cpuAfter = await serverCpu(server);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return { rps: result.requests.average, p99Ms: result.latency.p99, cpuMicrosPerRequest: (cpuAfter - cpuBefore) / result.requests.total };
}

/**
 * On a machine with two or more cores, the load generator and the server each get one (taskset, when
 * present), so they stop stealing each other's time slices and runs repeat far better.
 */
function pinToSeparateCores(server: ChildProcess): void {
  if (availableParallelism() < 2 || server.pid === undefined) return;
  try {
    execFileSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' });
    execFileSync('taskset', ['-acp', '1', String(server.pid)], { stdio: 'ignore' });
  } catch {
    // No taskset: unpinned, noisier figures.
  }
}

async function main(): Promise<void> {
  const server = fork(new URL('./http-overhead.server.ts', import.meta.url), {
    execArgv: ['--conditions=@hdoc/source', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  pinToSeparateCores(server);
  try {
    const [ready] = (await once(server, 'message')) as [ServerReady];
    const baseline = (name: 'public' | 'auth') => measure(server, ready.baselines[name]);
    const target = (name: 'public' | 'auth') => measure(server, ready.targets[name].url, ready.targets[name].headers);
    // Unmeasured: the JIT settles every path (the first round of a cold target ran at half speed).
    for (const name of ['public', 'auth'] as const) {
      await baseline(name);
      await target(name);
    }
    const runs: Record<string, Measurement[]> = { public: [], auth: [], public_baseline: [], auth_baseline: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of ['public', 'auth'] as const) {
        if (round % 2 === 0) {
          runs[`${name}_baseline`]!.push(await baseline(name));
          runs[name]!.push(await target(name));
        } else {
          runs[name]!.push(await target(name));
          runs[`${name}_baseline`]!.push(await baseline(name));
        }
      }
    }
    if (process.env.BENCH_VERBOSE) {
      // Per round: throughput ratio and CPU µs per request (baseline -> target) of each target.
      for (let round = 0; round < ROUNDS; round++) {
        const of = (name: 'public' | 'auth') =>
          `${name} ${(runs[name]![round]!.rps / runs[`${name}_baseline`]![round]!.rps).toFixed(3)} ` +
          `(${runs[`${name}_baseline`]![round]!.cpuMicrosPerRequest.toFixed(0)} -> ${runs[name]![round]!.cpuMicrosPerRequest.toFixed(0)} µs)`;
        console.log(`round ${round}: ${of('public')}  ${of('auth')}`);
      }
    }
    const rps = (name: string) => median(runs[name]!.map((run) => run.rps));
    const p99 = (name: string) => median(runs[name]!.map((run) => run.p99Ms));
    const cpu = (name: string) => median(runs[name]!.map((run) => run.cpuMicrosPerRequest));
    for (const name of Object.keys(runs)) {
      console.log(`${name.padEnd(16)} ${rps(name).toFixed(0).padStart(7)} req/s  p99 ${p99(name)} ms  ${cpu(name).toFixed(0)} µs CPU/request`);
    }
    const roundRatio = (name: 'public' | 'auth', of: (run: Measurement) => number) =>
      median(runs[name]!.map((run, round) => of(run) / of(runs[`${name}_baseline`]![round]!)));
    const publicRatio = roundRatio('public', (run) => run.rps);
    const authRatio = roundRatio('auth', (run) => run.rps);
    const round3 = (value: number) => Math.round(value * 1000) / 1000;
    console.log(
      JSON.stringify({
        bench: 'http-overhead',
        public_ratio: round3(publicRatio),
        auth_ratio: round3(authRatio),
        ratio: round3(Math.min(publicRatio, authRatio)),
        rps: Object.fromEntries(Object.keys(runs).map((name) => [name, Math.round(rps(name))])),
        p99_ms: Object.fromEntries(Object.keys(runs).map((name) => [name, p99(name)])),
        cpu_us_per_request: Object.fromEntries(Object.keys(runs).map((name) => [name, Math.round(cpu(name))])),
        cpu_ratio: {
          public: round3(roundRatio('public', (run) => 1 / run.cpuMicrosPerRequest)),
          auth: round3(roundRatio('auth', (run) => 1 / run.cpuMicrosPerRequest)),
        },
      }),
    );
  } finally {
    server.kill();
  }
}

await main();

/**
 * `npm run bench -- login`: 32 concurrent password logins through the full LogIn use case (memory
 * repositories, real argon2id at the OWASP parameters, real jose tokens), against a baseline of raw
 * argon2 verifies by the same hasher at the same concurrency, measured in the same run. Rounds
 * alternate so that load from elsewhere on the machine hits both alike.
 * - ratio = median over rounds of (logins per second / verifies per second of the same round): near 1
 *   when everything around the hash is cheap.
 * - event_loop_p99_ms = p99 of the event loop delay over all login rounds
 *   (perf_hooks.monitorEventLoopDelay, 1 ms resolution): small when hashing stays off the loop.
 * The libuv threadpool keeps the size the real app runs with (UV_THREADPOOL_SIZE, default 4).
 */
import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';
import { MemoryRateLimiter, MemorySessionStore, MemoryUserRepository, SystemClock } from '@hdoc/adapters-memory';
import { ActionThrottle, DEFAULT_ACTION_LIMITS, LogIn, SessionIssuer, SignUp } from '@hdoc/domain';
import {
  Argon2PasswordHasher,
  generateTokenKey,
  JoseTokenService,
  NodeCryptoSecretGenerator,
  UuidV7IdGenerator,
} from '../src/index.js';
import { median } from '../../../scripts/bench-kit.js';

const CONCURRENCY = 32;
const OPS_PER_ROUND = 64;
const ROUNDS = 9;
const USERS = CONCURRENCY;
const PASSWORD = 'correct horse battery staple';

/**
 * Runs `total` operations with `concurrency` in flight at all times, with `delay` enabled meanwhile;
 * answers operations per second. Both kinds of phase run under a monitor: its 1 ms timer keeps the
 * event loop awake, which by itself speeds up threadpool completions on this kind of machine, so the
 * baseline must carry it too to compare like with like.
 */
async function phase(
  total: number,
  concurrency: number,
  delay: IntervalHistogram,
  op: (i: number) => Promise<unknown>,
): Promise<number> {
  globalThis.gc?.();
  let next = 0;
  delay.enable();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await op(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  return total / seconds;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

async function main(): Promise<void> {
  const clock = new SystemClock();
  const ids = new UuidV7IdGenerator();
  const users = new MemoryUserRepository();
  const hasher = new Argon2PasswordHasher();
  const tokens = await JoseTokenService.create({
    issuer: 'https://hdoc.bench',
    audience: 'hdoc-api',
    currentKey: await generateTokenKey(),
    clock,
  });
  const sessions = new SessionIssuer(new MemorySessionStore(clock), tokens, new NodeCryptoSecretGenerator(), ids, clock);
  // Limits far above the run's attempts: the bench measures login cost, not throttling.
  const unlimited = { limit: 1_000_000, windowSeconds: 3_600 };
  const logIn = new LogIn(users, hasher, new MemoryRateLimiter(clock), sessions, {
    perUsername: unlimited,
    perClientAddress: unlimited,
  });
  const signUp = new SignUp(users, hasher, ids, clock, new ActionThrottle(new MemoryRateLimiter(clock), { ...DEFAULT_ACTION_LIMITS, signUp: unlimited }));
  const usernames = Array.from({ length: USERS }, (_, i) => `bench-user-${i}`);
  await Promise.all(usernames.map((username) => signUp.execute({ username, password: PASSWORD, clientAddress: '192.0.2.1' })));
  const hashes = await Promise.all(usernames.map(async (u) => (await users.findByUsername(u))!.passwordHash));

  const verify = (i: number) => hasher.verify(hashes[i % USERS]!, PASSWORD);
  const login = (i: number) =>
    logIn.execute({ username: usernames[i % USERS]!, password: PASSWORD, clientAddress: `10.0.${i % 256}.1` });

  // Warm-up of both paths (JIT, argon2 memory, key import), not measured.
  await phase(CONCURRENCY, CONCURRENCY, monitorEventLoopDelay(), verify);
  await phase(CONCURRENCY, CONCURRENCY, monitorEventLoopDelay(), login);

  // One monitor per kind of phase over all its rounds. A re-enabled monitor counts the time it was
  // off as one delay sample: one per round among tens of thousands, far below the p99, but it makes
  // the maximum meaningless, so no maximum is reported.
  const verifyDelay = monitorEventLoopDelay({ resolution: 1 });
  const loginDelay = monitorEventLoopDelay({ resolution: 1 });
  const hashRates: number[] = [];
  const loginRates: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    hashRates.push(await phase(OPS_PER_ROUND, CONCURRENCY, verifyDelay, verify));
    loginRates.push(await phase(OPS_PER_ROUND, CONCURRENCY, loginDelay, login));
    console.log(`round ${round + 1}: verifies/s ${hashRates.at(-1)!.toFixed(1)}, logins/s ${loginRates.at(-1)!.toFixed(1)}`);
  }

  console.log(
    JSON.stringify({
      bench: 'login',
      concurrency: CONCURRENCY,
      threadpool_size: Number(process.env.UV_THREADPOOL_SIZE ?? 4),
      argon2: 'argon2id m=19456 t=2 p=1',
      logins_per_s: round2(median(loginRates)),
      hashes_per_s: round2(median(hashRates)),
      event_loop_p50_ms: round2(loginDelay.percentile(50) / 1e6),
      event_loop_p99_ms: round2(loginDelay.percentile(99) / 1e6),
      verify_only_event_loop_p99_ms: round2(verifyDelay.percentile(99) / 1e6),
      event_loop_samples: loginDelay.count,
      ratio: round2(median(loginRates.map((rate, i) => rate / hashRates[i]!))),
    }),
  );
}

await main();

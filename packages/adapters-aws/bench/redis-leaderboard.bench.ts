/**
 * `npm run bench -- redis-leaderboard`: RedisLeaderboard on the machine's Redis (127.0.0.1:6379) at
 * 100 and at 100,000 participants, each board under a key prefix of its own, deleted at the end.
 * Times a participant's rank (position without neighbours, a random participant each time) and a
 * page of 50 (at the top, and deep: 90% down through a cursor) as medians of many single calls after
 * warm-up; samples alternate between the boards so both see the same background load. Every call is
 * one round trip, so the figures are mostly the round trip. ratio = the largest t(100,000) / t(100):
 * O(log n) sorted-set reads stay near 1; a read of everyone above would grow ~1,000 times.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { LeaderboardStanding, ProfileStatus } from '@hdoc/domain';
import type { Redis } from 'ioredis';
import { connectRedis } from '../src/redis/redis-client.js';
import { RedisLeaderboard } from '../src/redis/redis-leaderboard.js';
import { median, mix } from '../../../scripts/bench-kit.js';
import { benchStanding } from './bench-standings.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const SIZES = [100, 100_000] as const;
const PAGE = 50;
const WARM_UP = 300;
const SAMPLES = 2_000;
const LOAD_IN_FLIGHT = 500;
const STATUSES: readonly ProfileStatus[] = ['active', 'active', 'inactive', 'completed'];

const standing = (i: number): LeaderboardStanding => benchStanding(i, STATUSES);

interface Board {
  readonly size: number;
  readonly board: RedisLeaderboard;
  readonly deepCursor: string;
}

async function load(redis: Redis, keyPrefix: string, size: number): Promise<Board> {
  const board = new RedisLeaderboard(redis, { keyPrefix });
  for (let start = 0; start < size; start += LOAD_IN_FLIGHT) {
    const end = Math.min(size, start + LOAD_IN_FLIGHT);
    await Promise.all(Array.from({ length: end - start }, (_, k) => board.upsert(standing(start + k))));
  }
  let cursor: string | null = null;
  for (let seen = 0, skip = Math.max(1, Math.min(Math.floor(size * 0.9), size - PAGE)); seen < skip; ) {
    const page = await board.page({ limit: Math.min(100, skip - seen), cursor });
    seen += page.items.length;
    cursor = page.nextCursor;
  }
  if (cursor === null) throw new Error('no deep cursor');
  return { size, board, deepCursor: cursor };
}

type Operation = (board: Board, k: number) => Promise<unknown>;

const operations: Record<'rank' | 'page_top' | 'page_deep', Operation> = {
  rank: async ({ board, size }, k) => {
    if ((await board.position(standing(mix(k, 21) % size).githubUsername, 0)) === null) throw new Error('participant missing');
  },
  page_top: ({ board }) => board.page({ limit: PAGE }),
  page_deep: ({ board, deepCursor }) => board.page({ limit: PAGE, cursor: deepCursor }),
};

/** Median microseconds per call on each board, samples alternating between them. */
async function time(op: Operation, boards: readonly Board[]): Promise<number[]> {
  for (const board of boards) for (let k = 0; k < WARM_UP; k++) await op(board, k);
  const samples = boards.map((): number[] => []);
  for (let k = 0; k < SAMPLES; k++) {
    for (const [b, board] of boards.entries()) {
      const start = performance.now();
      await op(board, WARM_UP + k);
      samples[b]!.push((performance.now() - start) * 1_000);
    }
  }
  return samples.map(median);
}

async function deleteUnder(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1_000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}

let redis: Redis;
try {
  redis = await connectRedis({ url: REDIS_URL });
} catch {
  console.error(`Redis is not answering on ${REDIS_URL}: start it with scripts/ensure-services.sh`);
  process.exit(1);
}
const prefix = `bench:redis-leaderboard:${randomUUID()}:`;
try {
  const started = performance.now();
  const boards = [await load(redis, `${prefix}${SIZES[0]}:`, SIZES[0]), await load(redis, `${prefix}${SIZES[1]}:`, SIZES[1])];
  console.error(`loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const figures: Record<string, number> = {};
  let ratio = 0;
  console.log(`operation        µs @${SIZES[0]}   µs @${SIZES[1]}   (median of ${SAMPLES})`);
  for (const [name, op] of Object.entries(operations)) {
    const [small, large] = await time(op, boards);
    figures[`${name}_us_${SIZES[0]}`] = Number(small!.toFixed(1));
    figures[`${name}_us_${SIZES[1]}`] = Number(large!.toFixed(1));
    figures[`ratio_${name}`] = Number((large! / small!).toFixed(2));
    ratio = Math.max(ratio, large! / small!);
    console.log(`${name.padEnd(14)} ${small!.toFixed(1).padStart(9)} ${large!.toFixed(1).padStart(12)}`);
  }
  console.log(JSON.stringify({ bench: 'redis-leaderboard', ratio: Number(ratio.toFixed(2)), ...figures }));
} finally {
  await deleteUnder(redis, prefix);
  await redis.quit();
}

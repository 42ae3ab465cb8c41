/**
 * `npm run bench -- leaderboard-scale`: MemoryLeaderboard at 1,000 and 1,000,000 participants.
 * Times the three operations the API serves (top-50 page, rank lookup, score update) as medians of
 * batched runs after warm-up, and the memory a participant costs (JS heap plus the typed arrays'
 * backing stores, after GC). ratio = the largest t(1,000,000) / t(1,000) over the three operations:
 * an O(log n) board stays near 2 (log 1e6 / log 1e3) plus cache effects; a per-call sort or scan
 * would be about 1,000.
 */
import { performance } from 'node:perf_hooks';
import type { LeaderboardStanding, ProfileStatus } from '@hdoc/domain';
import { MemoryLeaderboard } from '../src/index.js';
import { median, mix } from '../../../scripts/bench-kit.js';

const SMALL = 1_000;
const LARGE = 1_000_000;
const WARM_UP_OPS = 2_000;
const SAMPLES = 1_000;
const OPS_PER_SAMPLE = 5;
const STATUSES: readonly ProfileStatus[] = ['active', 'active', 'inactive', 'completed'];
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const FIRST = ['Ada', 'Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Radia', 'Guido', 'Frances'];
const LAST = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov', 'Ritchie', 'Perlman'];

/** Flat strings (like those JSON.parse produces), not ropes of shared pieces. */
function flat(text: string): string {
  return String.fromCharCode(...Array.from(text, (c) => c.charCodeAt(0)));
}

/** Unique: the base-36 index after the last hyphen; 3..20 characters; about one in three capitalised. */
function username(i: number): string {
  const suffix = i.toString(36);
  const length = 3 + (mix(i, 1) % 18);
  let prefix = '';
  for (let c = 0; c < length - suffix.length - 1; c++) prefix += LOWER[mix(i, 10 + c) % 26];
  const name = prefix === '' ? suffix.padStart(3, '0') : `${prefix}-${suffix}`;
  return flat(mix(i, 2) % 3 === 0 ? name.charAt(0).toUpperCase() + name.slice(1) : name);
}

function standing(i: number, version: number, salt = 0): LeaderboardStanding {
  const first = FIRST[mix(i, 3) % FIRST.length]!;
  const last = LAST[mix(i, 4) % LAST.length]!;
  return {
    githubUsername: username(i),
    fullName: mix(i, 5) % 10 === 0 ? null : flat(`${first} ${last}`),
    avatarUrl: null,
    githubScore: mix(i, 6 + salt) % 10_001,
    twitterScore: mix(i, 7 + salt) % 10_001,
    daysCompleted: mix(i, 8 + salt) % 101,
    githubStreak: mix(i, 9) % 30,
    twitterStreak: mix(i, 11) % 30,
    status: STATUSES[mix(i, 12) % STATUSES.length]!,
    version,
  };
}

interface Board {
  readonly board: MemoryLeaderboard;
  /** Usernames and updates of random participants, one per op. */
  readonly lookups: readonly string[];
  readonly updates: readonly LeaderboardStanding[];
}

function usedBytes(): number {
  globalThis.gc?.();
  globalThis.gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

async function load(participants: number): Promise<Board & { bytesPerParticipant: number; loadSeconds: number }> {
  const before = usedBytes();
  const started = performance.now();
  const board = new MemoryLeaderboard();
  for (let i = 0; i < participants; i++) await board.upsert(standing(i, 1));
  const loadSeconds = (performance.now() - started) / 1000;
  const bytesPerParticipant = (usedBytes() - before) / participants;
  const ops = WARM_UP_OPS + SAMPLES * OPS_PER_SAMPLE;
  const pick = (k: number, salt: number): number => mix(k, salt) % participants;
  const lookups = Array.from({ length: ops }, (_, k) => username(pick(k, 21)));
  const updates = Array.from({ length: ops }, (_, k) => standing(pick(k, 22), 2 + k, 1 + (k % 50)));
  return { board, lookups, updates, bytesPerParticipant, loadSeconds };
}

type Operation = (board: Board, k: number) => Promise<unknown>;

const operations: Record<'top50' | 'rank' | 'update', Operation> = {
  top50: ({ board }) => board.page({ limit: 50 }),
  rank: async ({ board, lookups }, k) => {
    const position = await board.position(lookups[k]!, 0);
    if (position === null) throw new Error(`participant ${lookups[k]} missing`);
  },
  update: ({ board, updates }, k) => board.upsert(updates[k]!),
};

/**
 * Median nanoseconds per op on the small and the large board. Samples alternate between the boards
 * so that both see the same background load (the machine is shared); each op uses its own random
 * participant.
 */
async function time(op: Operation, small: Board, large: Board): Promise<[number, number]> {
  for (const board of [small, large]) for (let k = 0; k < WARM_UP_OPS; k++) await op(board, k);
  const samples: [number[], number[]] = [[], []];
  for (let s = 0; s < SAMPLES; s++) {
    const first = WARM_UP_OPS + s * OPS_PER_SAMPLE;
    for (const [b, board] of [small, large].entries()) {
      const start = performance.now();
      for (let k = first; k < first + OPS_PER_SAMPLE; k++) await op(board, k);
      samples[b]!.push(((performance.now() - start) * 1e6) / OPS_PER_SAMPLE);
    }
  }
  return [median(samples[0]), median(samples[1])];
}

const small = await load(SMALL);
const large = await load(LARGE);
const [top50Small, top50Large] = await time(operations.top50, small, large);
const [rankSmall, rankLarge] = await time(operations.rank, small, large);
const [updateSmall, updateLarge] = await time(operations.update, small, large);
const ratios = { top50: top50Large / top50Small, rank: rankLarge / rankSmall, update: updateLarge / updateSmall };
const round = (n: number, digits = 0): number => Number(n.toFixed(digits));
console.log(`participants  top-50 page   rank lookup   score update   (median ns per op)`);
for (const [n, top50, rank, update] of [
  [SMALL, top50Small, rankSmall, updateSmall],
  [LARGE, top50Large, rankLarge, updateLarge],
]) {
  console.log([n, top50, rank, update].map((v, i) => String(round(v!)).padStart(i === 0 ? 12 : 13)).join(' '));
}
console.log(`load of ${LARGE} participants: ${large.loadSeconds.toFixed(1)} s, ${large.bytesPerParticipant.toFixed(0)} bytes each`);
console.log(
  JSON.stringify({
    bench: 'leaderboard-scale',
    ratio: round(Math.max(ratios.top50, ratios.rank, ratios.update), 2),
    bytes_per_participant: round(large.bytesPerParticipant),
    ratio_top50: round(ratios.top50, 2),
    ratio_rank: round(ratios.rank, 2),
    ratio_update: round(ratios.update, 2),
    top50_ns_1k: round(top50Small),
    top50_ns_1m: round(top50Large),
    rank_ns_1k: round(rankSmall),
    rank_ns_1m: round(rankLarge),
    update_ns_1k: round(updateSmall),
    update_ns_1m: round(updateLarge),
    load_seconds_1m: round(large.loadSeconds, 1),
  }),
);

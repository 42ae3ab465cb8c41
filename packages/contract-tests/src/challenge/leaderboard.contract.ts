import { PROFILE_STATUSES, ValidationError } from '@hdoc/domain';
import type { Leaderboard, LeaderboardRow, LeaderboardStanding, ProfileStatus } from '@hdoc/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withSubject, type Disposable } from '../shared/contract-subject.js';

/** A fresh, empty leaderboard (a board is global: every subject must start empty). */
export interface LeaderboardSubject extends Disposable {
  readonly leaderboard: Leaderboard;
}

export interface LeaderboardContractOptions {
  /** Runs per property; lower it for adapters whose fresh subject is costly. Default 60. */
  readonly propertyRuns?: number;
}

// ---------------------------------------------------------------------------------------------
// The reference: the rules stated as plainly as possible (sort everything, count strictly higher).
// ---------------------------------------------------------------------------------------------

const lower = (name: string): string => name.toLowerCase();
const total = (s: LeaderboardStanding): number => s.githubScore + s.twitterScore;

/** Applies an upsert to the reference state: keyed case-insensitively, an older version is ignored. */
function applyUpsert(state: Map<string, LeaderboardStanding>, standing: LeaderboardStanding): void {
  const held = state.get(lower(standing.githubUsername));
  if (held === undefined || held.version <= standing.version) state.set(lower(standing.githubUsername), standing);
}

/** Every row of the full board in order, ranked; then filtered (filtering never changes a rank). */
function referenceRows(state: Map<string, LeaderboardStanding>, status?: ProfileStatus): LeaderboardRow[] {
  const all = [...state.values()];
  const sorted = [...all].sort((a, b) => {
    if (total(a) !== total(b)) return total(b) - total(a);
    if (a.daysCompleted !== b.daysCompleted) return b.daysCompleted - a.daysCompleted;
    const [ka, kb] = [lower(a.githubUsername), lower(b.githubUsername)];
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return sorted
    .map((s) => ({ ...s, totalScore: total(s), rank: 1 + all.filter((o) => total(o) > total(s)).length }))
    .filter((row) => status === undefined || row.status === status);
}

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

/** A valid standing with zero scores, for leaderboard tests; `overrides` sets what a test is about. */
export function leaderboardStanding(githubUsername: string, overrides: Partial<LeaderboardStanding> = {}): LeaderboardStanding {
  return {
    githubUsername,
    fullName: `${githubUsername} Example`,
    avatarUrl: `https://avatars.example.test/${githubUsername}`,
    githubScore: 0,
    twitterScore: 0,
    daysCompleted: 0,
    githubStreak: 0,
    twitterStreak: 0,
    status: 'active',
    version: 1,
    ...overrides,
  };
}

/** Follows cursors to the end; fails instead of looping if a cursor never ends. */
async function readAllPages(leaderboard: Leaderboard, limit: number, status?: ProfileStatus): Promise<LeaderboardRow[]> {
  const rows: LeaderboardRow[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 10_000; pages++) {
    const page = await leaderboard.page({ limit, cursor, ...(status && { status }) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    if (page.nextCursor !== null) expect(page.items).toHaveLength(limit);
    rows.push(...page.items);
    if (page.nextCursor === null) return rows;
    cursor = page.nextCursor;
  }
  throw new Error('the leaderboard never returned a last page');
}

const names = (rows: readonly LeaderboardRow[]): string[] => rows.map((row) => row.githubUsername);

const BASE_NAMES = ['ada', 'grace', 'linus', 'ken', 'radia', 'guido', 'barbara', 'margaret', 'dennis', 'a-1'];

/** A username from a small pool, in random case, so case-insensitive collisions are frequent. */
const usernameArb = fc
  .tuple(fc.constantFrom(...BASE_NAMES), fc.nat())
  .map(([name, mask]) => [...name].map((c, i) => ((mask >> i) & 1 ? c.toUpperCase() : c)).join(''));

/** Few distinct values next to the whole range, so ties on total and on days are common. */
const scoreArb = fc.oneof(fc.constantFrom(0, 50, 100), fc.integer({ min: 0, max: 10_000 }));
const daysArb = fc.oneof(fc.constantFrom(0, 1, 100), fc.integer({ min: 0, max: 100 }));
const statusArb = fc.constantFrom(...PROFILE_STATUSES);

const standingArb: fc.Arbitrary<LeaderboardStanding> = fc.record({
  githubUsername: usernameArb,
  fullName: fc.option(fc.string({ maxLength: 15 }), { nil: null }),
  avatarUrl: fc.option(fc.webUrl(), { nil: null }),
  githubScore: scoreArb,
  twitterScore: scoreArb,
  daysCompleted: daysArb,
  githubStreak: fc.integer({ min: 0, max: 100 }),
  twitterStreak: fc.integer({ min: 0, max: 100 }),
  status: statusArb,
  version: fc.integer({ min: 1, max: 4 }),
});

const filterArb = fc.option(statusArb, { nil: undefined });
const limitArb = fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant(100));

// ---------------------------------------------------------------------------------------------
// Model-based commands: the port driven against a plain map of standings.
// ---------------------------------------------------------------------------------------------

type Model = Map<string, LeaderboardStanding>;
type Command = fc.AsyncCommand<Model, Leaderboard>;

class UpsertCommand implements Command {
  constructor(readonly standing: LeaderboardStanding) {}
  check = (): boolean => true;
  async run(model: Model, real: Leaderboard): Promise<void> {
    applyUpsert(model, this.standing);
    await real.upsert(this.standing);
  }
  toString = (): string => `upsert(${JSON.stringify(this.standing)})`;
}

class RemoveCommand implements Command {
  constructor(readonly githubUsername: string) {}
  check = (): boolean => true;
  async run(model: Model, real: Leaderboard): Promise<void> {
    model.delete(lower(this.githubUsername));
    await real.remove(this.githubUsername);
  }
  toString = (): string => `remove(${this.githubUsername})`;
}

class PagesCommand implements Command {
  constructor(
    readonly limit: number,
    readonly status: ProfileStatus | undefined,
  ) {}
  check = (): boolean => true;
  async run(model: Model, real: Leaderboard): Promise<void> {
    expect(await readAllPages(real, this.limit, this.status)).toEqual(referenceRows(model, this.status));
  }
  toString = (): string => `pages(limit ${this.limit}, ${this.status ?? 'all'})`;
}

class PositionCommand implements Command {
  constructor(
    readonly githubUsername: string,
    readonly neighbours: number,
  ) {}
  check = (): boolean => true;
  async run(model: Model, real: Leaderboard): Promise<void> {
    const rows = referenceRows(model);
    const at = rows.findIndex((row) => lower(row.githubUsername) === lower(this.githubUsername));
    const expected =
      at < 0
        ? null
        : {
            row: rows[at],
            above: rows.slice(Math.max(0, at - this.neighbours), at),
            below: rows.slice(at + 1, at + 1 + this.neighbours),
          };
    expect(await real.position(this.githubUsername, this.neighbours)).toEqual(expected);
  }
  toString = (): string => `position(${this.githubUsername}, ${this.neighbours})`;
}

const commandsArb = fc.commands(
  [
    standingArb.map((s) => new UpsertCommand(s)),
    usernameArb.map((name) => new RemoveCommand(name)),
    fc.tuple(limitArb, filterArb).map(([limit, status]) => new PagesCommand(limit, status)),
    fc.tuple(usernameArb, fc.integer({ min: 0, max: 4 })).map(([name, n]) => new PositionCommand(name, n)),
  ],
  { maxCommands: 40 },
);

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

/** The Leaderboard port's documented behaviour, for every adapter. */
export function describeLeaderboardContract(
  adapterName: string,
  makeSubject: () => Promise<LeaderboardSubject>,
  options: LeaderboardContractOptions = {},
): void {
  const numRuns = options.propertyRuns ?? 60;
  const run = (body: (s: LeaderboardSubject) => Promise<void>) => () => withSubject(makeSubject, body);
  const withBoard = (body: (leaderboard: Leaderboard) => Promise<void>) =>
    withSubject(makeSubject, ({ leaderboard }) => body(leaderboard));

  describe(`Leaderboard contract: ${adapterName}`, () => {
    it('orders by total score desc, then days completed desc, then username asc ignoring case', run(async ({ leaderboard }) => {
      await leaderboard.upsert(leaderboardStanding('carol', { githubScore: 100, twitterScore: 50, daysCompleted: 2 }));
      await leaderboard.upsert(leaderboardStanding('Bob', { githubScore: 150, daysCompleted: 2 }));
      await leaderboard.upsert(leaderboardStanding('alice', { githubScore: 150, daysCompleted: 2 }));
      await leaderboard.upsert(leaderboardStanding('dave', { twitterScore: 150, daysCompleted: 3 }));
      await leaderboard.upsert(leaderboardStanding('eve', { githubScore: 200 }));
      await leaderboard.upsert(leaderboardStanding('frank'));
      const page = await leaderboard.page({ limit: 10 });
      expect(names(page.items)).toEqual(['eve', 'dave', 'alice', 'Bob', 'carol', 'frank']);
      expect(page.items.map((row) => row.totalScore)).toEqual([200, 150, 150, 150, 150, 0]);
      expect(page.nextCursor).toBeNull();
    }));

    it('ranks by competition ranking: ties share a rank and the next rank skips', run(async ({ leaderboard }) => {
      const totals = { a: 90, b: 100, c: 100, d: 80, e: 80, f: 80, g: 10 };
      for (const [name, githubScore] of Object.entries(totals)) {
        await leaderboard.upsert(leaderboardStanding(name, { githubScore, daysCompleted: githubScore % 7 }));
      }
      const rows = (await leaderboard.page({ limit: 10 })).items;
      expect(rows.map((row) => [row.githubUsername, row.rank])).toEqual([
        ['b', 1], ['c', 1], ['a', 3], ['d', 4], ['e', 4], ['f', 4], ['g', 7],
      ]);
    }));

    it('returns every field of the standing with its total and rank', run(async ({ leaderboard }) => {
      const ada = leaderboardStanding('Ada', {
        fullName: 'Ada Lovelace', githubScore: 420, twitterScore: 77, daysCompleted: 9,
        githubStreak: 4, twitterStreak: 2, status: 'inactive', version: 7,
      });
      await leaderboard.upsert(ada);
      await leaderboard.upsert(leaderboardStanding('nobody', { fullName: null }));
      expect((await leaderboard.page({ limit: 5 })).items).toEqual([
        { ...ada, totalScore: 497, rank: 1 },
        { ...leaderboardStanding('nobody', { fullName: null }), totalScore: 0, rank: 2 },
      ]);
    }));

    it('keys participants case-insensitively and shows the name as last upserted', run(async ({ leaderboard }) => {
      await leaderboard.upsert(leaderboardStanding('Alice', { githubScore: 10 }));
      await leaderboard.upsert(leaderboardStanding('aLICE', { githubScore: 30, version: 2 }));
      const rows = (await leaderboard.page({ limit: 5 })).items;
      expect(rows.map((row) => [row.githubUsername, row.totalScore])).toEqual([['aLICE', 30]]);
      expect((await leaderboard.position('ALICE', 0))?.row.githubUsername).toBe('aLICE');
      await leaderboard.remove('alice');
      expect((await leaderboard.page({ limit: 5 })).items).toEqual([]);
    }));

    it('ignores an upsert older than the standing it holds; an equal or newer version replaces it', run(async ({ leaderboard }) => {
      await leaderboard.upsert(leaderboardStanding('ada', { githubScore: 50, version: 3 }));
      await leaderboard.upsert(leaderboardStanding('ada', { githubScore: 999, version: 2 }));
      expect((await leaderboard.position('ada', 0))?.row).toMatchObject({ githubScore: 50, version: 3 });
      await leaderboard.upsert(leaderboardStanding('ada', { githubScore: 60, version: 3 }));
      expect((await leaderboard.position('ada', 0))?.row).toMatchObject({ githubScore: 60, version: 3 });
      await leaderboard.upsert(leaderboardStanding('ada', { githubScore: 10, version: 4 }));
      expect((await leaderboard.position('ada', 0))?.row).toMatchObject({ githubScore: 10, version: 4 });
    }));

    it('is current right after each write: ranks and order move with the scores', run(async ({ leaderboard }) => {
      await leaderboard.upsert(leaderboardStanding('ada', { githubScore: 10 }));
      await leaderboard.upsert(leaderboardStanding('ken', { githubScore: 20 }));
      expect((await leaderboard.position('ada', 0))?.row.rank).toBe(2);
      await leaderboard.upsert(leaderboardStanding('ada', { githubScore: 30, version: 2 }));
      expect((await leaderboard.position('ada', 0))?.row.rank).toBe(1);
      expect((await leaderboard.position('ken', 0))?.row.rank).toBe(2);
      expect(names((await leaderboard.page({ limit: 5 })).items)).toEqual(['ada', 'ken']);
    }));

    it('removes a participant and re-ranks the others; removing an unknown one does nothing', run(async ({ leaderboard }) => {
      await leaderboard.upsert(leaderboardStanding('ada', { githubScore: 30 }));
      await leaderboard.upsert(leaderboardStanding('ken', { githubScore: 20 }));
      await leaderboard.remove('ADA');
      await leaderboard.remove('nobody');
      expect((await leaderboard.page({ limit: 5 })).items.map((row) => [row.githubUsername, row.rank])).toEqual([['ken', 1]]);
      expect(await leaderboard.position('ada', 3)).toBeNull();
    }));

    it('filters by status and keeps each row\'s global rank', run(async ({ leaderboard }) => {
      await leaderboard.upsert(leaderboardStanding('top', { githubScore: 300, status: 'completed' }));
      await leaderboard.upsert(leaderboardStanding('mid', { githubScore: 200, status: 'active' }));
      await leaderboard.upsert(leaderboardStanding('low', { githubScore: 100, status: 'inactive' }));
      await leaderboard.upsert(leaderboardStanding('last', { githubScore: 50, status: 'active' }));
      const active = await leaderboard.page({ limit: 5, status: 'active' });
      expect(active.items.map((row) => [row.githubUsername, row.rank])).toEqual([['mid', 2], ['last', 4]]);
      expect(names((await leaderboard.page({ limit: 5, status: 'inactive' })).items)).toEqual(['low']);
    }));

    it('pages by cursor until a null cursor; an empty board has one empty page', run(async ({ leaderboard }) => {
      expect(await leaderboard.page({ limit: 20 })).toEqual({ items: [], nextCursor: null });
      for (const [i, name] of ['a', 'b', 'c', 'd', 'e'].entries()) {
        await leaderboard.upsert(leaderboardStanding(name, { githubScore: 100 - i }));
      }
      const first = await leaderboard.page({ limit: 2 });
      expect(names(first.items)).toEqual(['a', 'b']);
      const second = await leaderboard.page({ limit: 2, cursor: first.nextCursor });
      expect(names(second.items)).toEqual(['c', 'd']);
      const third = await leaderboard.page({ limit: 2, cursor: second.nextCursor });
      expect(third).toMatchObject({ nextCursor: null });
      expect(names(third.items)).toEqual(['e']);
      const exact = await leaderboard.page({ limit: 5 });
      expect(exact.nextCursor).toBeNull();
    }));

    it('continues after the cursor\'s position even when that participant moved or left', run(async ({ leaderboard }) => {
      for (const [i, name] of ['a', 'b', 'c', 'd', 'e'].entries()) {
        await leaderboard.upsert(leaderboardStanding(name, { githubScore: 100 - i }));
      }
      const first = await leaderboard.page({ limit: 2 });
      await leaderboard.remove('b');
      await leaderboard.upsert(leaderboardStanding('a', { githubScore: 0, version: 2 }));
      const rest = await leaderboard.page({ limit: 10, cursor: first.nextCursor });
      expect(names(rest.items)).toEqual(['c', 'd', 'e', 'a']);
    }));

    it.each(['not a cursor', 'x', '%%%', 'eyJoaSI6MX0'])('rejects the cursor %j with ValidationError on cursor', async (cursor) => {
      await withBoard(async (leaderboard) => {
        await leaderboard.upsert(leaderboardStanding('ada'));
        const failure = await leaderboard.page({ limit: 5, cursor }).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(ValidationError);
        expect(failure).toMatchObject({ field: 'cursor' });
      });
    });

    it('reads a participant\'s row with the neighbours above (top first) and below, in the full order', run(async ({ leaderboard }) => {
      for (const [i, name] of ['a', 'b', 'c', 'd', 'e', 'f'].entries()) {
        await leaderboard.upsert(leaderboardStanding(name, { githubScore: 100 - i, status: i % 2 ? 'active' : 'inactive' }));
      }
      const middle = await leaderboard.position('D', 2);
      expect(middle?.row).toMatchObject({ githubUsername: 'd', rank: 4 });
      expect(names(middle?.above ?? [])).toEqual(['b', 'c']);
      expect(names(middle?.below ?? [])).toEqual(['e', 'f']);
      const top = await leaderboard.position('a', 3);
      expect([names(top?.above ?? []), names(top?.below ?? [])]).toEqual([[], ['b', 'c', 'd']]);
      expect(await leaderboard.position('b', 0)).toEqual({
        row: expect.objectContaining({ githubUsername: 'b', rank: 2 }),
        above: [],
        below: [],
      });
      expect(await leaderboard.position('zed', 3)).toBeNull();
    }));

    it('reads neighbours across ties: participants sharing total and days stand in username order', run(async ({ leaderboard }) => {
      for (const name of ['t4', 't2', 't1', 't3']) await leaderboard.upsert(leaderboardStanding(name, { githubScore: 70, twitterScore: 0, daysCompleted: 5 }));
      await leaderboard.upsert(leaderboardStanding('low', { githubScore: 10, twitterScore: 0, daysCompleted: 5 }));
      await leaderboard.upsert(leaderboardStanding('top', { githubScore: 90, twitterScore: 0, daysCompleted: 5 }));
      const low = await leaderboard.position('low', 3);
      expect(names(low?.above ?? [])).toEqual(['t2', 't3', 't4']);
      const inside = await leaderboard.position('t3', 2);
      expect([names(inside?.above ?? []), names(inside?.below ?? [])]).toEqual([['t1', 't2'], ['t4', 'low']]);
      const top = await leaderboard.position('top', 2);
      expect(names(top?.below ?? [])).toEqual(['t1', 't2']);
      expect(names((await leaderboard.page({ limit: 3, cursor: null })).items)).toEqual(['top', 't1', 't2']);
    }));

    it('pages concatenated are the full order, ranked, for every filter and limit', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(standingArb, { maxLength: 30 }), filterArb, limitArb, async (upserts, status, limit) => {
          await withBoard(async (leaderboard) => {
            const state = new Map<string, LeaderboardStanding>();
            for (const upsert of upserts) {
              applyUpsert(state, upsert);
              await leaderboard.upsert(upsert);
            }
            expect(await readAllPages(leaderboard, limit, status)).toEqual(referenceRows(state, status));
          });
        }),
        { numRuns },
      );
    });

    it('gives each participant rank = 1 + participants with a strictly higher total, and its neighbours', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(standingArb, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 4 }), async (upserts, neighbours) => {
          await withBoard(async (leaderboard) => {
            const state = new Map<string, LeaderboardStanding>();
            for (const upsert of upserts) {
              applyUpsert(state, upsert);
              await leaderboard.upsert(upsert);
            }
            const rows = referenceRows(state);
            for (const [at, row] of rows.entries()) {
              const position = await leaderboard.position(row.githubUsername.toUpperCase(), neighbours);
              expect(position?.row.rank).toBe(1 + rows.filter((other) => other.totalScore > row.totalScore).length);
              expect(position).toEqual({
                row,
                above: rows.slice(Math.max(0, at - neighbours), at),
                below: rows.slice(at + 1, at + 1 + neighbours),
              });
            }
          });
        }),
        { numRuns },
      );
    });

    it('never repeats or skips a participant whose standing did not change between page reads', async () => {
      const mutationArb = fc.oneof(
        standingArb.map((s) => ({ upsert: { ...s, version: 10 } })),
        usernameArb.map((name) => ({ remove: name })),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(standingArb, { selector: (s) => lower(s.githubUsername), maxLength: 10 }),
          fc.array(fc.array(mutationArb, { maxLength: 3 }), { maxLength: 12 }),
          filterArb,
          fc.integer({ min: 1, max: 3 }),
          async (initial, gaps, status, limit) => {
            await withBoard(async (leaderboard) => {
              for (const s of initial) await leaderboard.upsert(s);
              const touched = new Set<string>();
              const seen: string[] = [];
              let cursor: string | null = null;
              for (let pages = 0; pages < 1_000; pages++) {
                const page = await leaderboard.page({ limit, cursor, ...(status && { status }) });
                seen.push(...page.items.map((row) => lower(row.githubUsername)));
                if (page.nextCursor === null) break;
                cursor = page.nextCursor;
                for (const mutation of gaps[pages] ?? []) {
                  if ('upsert' in mutation) {
                    touched.add(lower(mutation.upsert.githubUsername));
                    await leaderboard.upsert(mutation.upsert);
                  } else {
                    touched.add(lower(mutation.remove));
                    await leaderboard.remove(mutation.remove);
                  }
                }
              }
              const steady = initial
                .filter((s) => !touched.has(lower(s.githubUsername)) && (status === undefined || s.status === status))
                .map((s) => lower(s.githubUsername));
              for (const name of steady) expect(seen.filter((n) => n === name)).toHaveLength(1);
            });
          },
        ),
        { numRuns },
      );
    });

    it('behaves like the reference model for any sequence of upserts, removals, pages and positions', async () => {
      await fc.assert(
        fc.asyncProperty(commandsArb, async (commands) => {
          await withBoard((leaderboard) => fc.asyncModelRun(() => ({ model: new Map(), real: leaderboard }), commands));
        }),
        { numRuns },
      );
    });
  });
}

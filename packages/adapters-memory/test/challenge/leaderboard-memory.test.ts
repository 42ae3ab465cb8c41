import { describeLeaderboardContract, leaderboardStanding } from '@hdoc/contract-tests';
import type { LeaderboardStanding } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { MemoryLeaderboard } from '../../src/index.js';

describeLeaderboardContract('MemoryLeaderboard', async () => ({ leaderboard: new MemoryLeaderboard() }));

describe('MemoryLeaderboard', () => {
  it.each<Partial<LeaderboardStanding>>([
    { githubScore: 10_001 },
    { twitterScore: -1 },
    { daysCompleted: 101 },
    { githubScore: 1.5 },
    { githubStreak: Number.NaN },
    { version: -1 },
    { status: 'gone' as never },
  ])('rejects a standing the domain never produces (%j) and changes nothing', async (bad) => {
    const board = new MemoryLeaderboard();
    await board.upsert(leaderboardStanding('ada', { githubScore: 5 }));
    await expect(board.upsert(leaderboardStanding('ada', { ...bad, version: bad.version ?? 2 }))).rejects.toThrow(RangeError);
    await expect(board.upsert(leaderboardStanding('ken', bad))).rejects.toThrow(RangeError);
    expect((await board.page({ limit: 10 })).items).toEqual([{ ...leaderboardStanding('ada', { githubScore: 5 }), totalScore: 5, rank: 1 }]);
  });

  it('keeps order, ranks and cursors across thousands of participants, large ties and slot reuse', async () => {
    const board = new MemoryLeaderboard();
    const reference = new Map<string, LeaderboardStanding>();
    let seed = 7;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return (seed >>> 8) % n;
    };
    for (let i = 0; i < 6_000; i++) {
      const name = `user-${random(4_000)}`;
      if (random(10) === 0) {
        reference.delete(name);
        await board.remove(name);
        continue;
      }
      // Half of everyone ties at (0, 0), as on launch day; the rest spread over the whole range.
      const atZero = random(2) === 0;
      const next = leaderboardStanding(name, {
        githubScore: atZero ? 0 : random(10_001),
        twitterScore: atZero ? 0 : random(10_001),
        daysCompleted: atZero ? 0 : random(101),
        status: random(3) === 0 ? 'inactive' : 'active',
        version: i,
      });
      reference.set(name, next);
      await board.upsert(next);
    }
    const total = (s: LeaderboardStanding): number => s.githubScore + s.twitterScore;
    const expected = [...reference.values()]
      .sort((a, b) => total(b) - total(a) || b.daysCompleted - a.daysCompleted || (a.githubUsername < b.githubUsername ? -1 : 1))
      .map((s) => s.githubUsername);
    const read: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await board.page({ limit: 100, cursor });
      read.push(...page.items.map((row) => row.githubUsername));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(read).toEqual(expected);
    const amongTied = expected[expected.length - 5]!;
    const position = await board.position(amongTied, 10);
    expect(position?.row.rank).toBe(expected.filter((name) => total(reference.get(name)!) > 0).length + 1);
    expect(position?.above.map((row) => row.githubUsername)).toEqual(expected.slice(-15, -5));
    expect(position?.below.map((row) => row.githubUsername)).toEqual(expected.slice(-4));
  });
});

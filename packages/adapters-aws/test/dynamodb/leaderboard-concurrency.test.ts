import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { leaderboardStanding } from '@hdoc/contract-tests';
import type { LeaderboardStanding } from '@hdoc/domain';
import { describe, expect, it, vi } from 'vitest';
import { DynamoDbLeaderboard } from '../../src/dynamodb/leaderboard/dynamodb-leaderboard.js';
import { COUNTS_PARTITION } from '../../src/dynamodb/leaderboard/leaderboard-keys.js';
import { countItemsOf } from '../../src/dynamodb/leaderboard/score-counts.js';
import { useTrackedTestTable } from '../support/tracked-test-table.js';

vi.setConfig({ testTimeout: 120_000 });

const table = useTrackedTestTable('challenge');
const { client } = table;
const documents = DynamoDBDocumentClient.from(client);

/** Every count as `<sort key>.<attribute>` -> n, zero ones left out (a count that went back to 0 keeps its item or attribute). */
function flatCounts(items: readonly Record<string, unknown>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { pk: _pk, sk, ...attributes } of items) {
    for (const [name, n] of Object.entries(attributes)) if (n !== 0) counts[`${String(sk)}.${name}`] = n as number;
  }
  return counts;
}

/** The count items as stored. */
async function storedCounts(): Promise<Record<string, number>> {
  const { Items = [] } = await documents.send(
    new QueryCommand({ TableName: table.tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': COUNTS_PARTITION } }),
  );
  return flatCounts(Items);
}

/** What the counts must be for these standings. */
function trueCounts(standings: readonly LeaderboardStanding[]): Record<string, number> {
  return flatCounts(countItemsOf(standings.map((s) => s.githubScore + s.twitterScore)));
}

/** Deterministic pseudo-random scores, so a failure replays. */
const score = (round: number, i: number, version: number): number => ((round * 7_919 + i * 104_729 + version * 1_299_709) % 101) * 97;

describe('DynamoDbLeaderboard under concurrent writes (DynamoDB Local)', () => {
  it.each([1, 2, 3, 4, 5])('keeps the counts exact and the ranks right when upserts race, then removals (round %i)', async (round) => {
    const leaderboard = new DynamoDbLeaderboard({ client: documents, tableName: table.tableName() });
    try {
      const participants = 8;
      const versions = 4;
      // Every participant's versions at once, in a scrambled order, scores sharing buckets and totals.
      const writes: { order: number; write: () => Promise<void> }[] = [];
      for (let i = 0; i < participants; i += 1) {
        for (let version = 1; version <= versions; version += 1) {
          const githubScore = score(round, i, version);
          const order = ((i * versions + version) * 31 + round) % 17;
          writes.push({ order, write: () => leaderboard.upsert(leaderboardStanding(`p${i}`, { githubScore, daysCompleted: version, version })) });
        }
      }
      writes.sort((a, b) => a.order - b.order);
      await Promise.all(writes.map(({ write }) => write()));
      const finals = Array.from({ length: participants }, (_, i) =>
        leaderboardStanding(`p${i}`, { githubScore: score(round, i, versions), daysCompleted: versions, version: versions }),
      );
      expect(await storedCounts()).toEqual(trueCounts(finals));

      await Promise.all([leaderboard.remove('p6'), leaderboard.remove('P7'), leaderboard.remove('p6')]);
      const kept = finals.slice(0, 6);
      expect(await storedCounts()).toEqual(trueCounts(kept));
      for (const s of kept) {
        const higher = kept.filter((o) => o.githubScore > s.githubScore).length;
        expect((await leaderboard.position(s.githubUsername, 0))?.row).toMatchObject({ version: versions, rank: 1 + higher });
      }
    } finally {
      await table.clear();
    }
  });
});

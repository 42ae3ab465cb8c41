import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describeParticipantProgressStoreContract } from '@hdoc/contract-tests';
import { createProfile, DEFAULT_ACTION_LIMITS, RecordVerification, SubmitEntry } from '@hdoc/domain';
import { describe, expect, it, vi } from 'vitest';
import { DynamoDbEntryRepository } from '../../src/dynamodb/challenge/dynamodb-entry-repository.js';
import { DynamoDbParticipantProgressStore } from '../../src/dynamodb/challenge/dynamodb-participant-progress-store.js';
import { DynamoDbProfileRepository } from '../../src/dynamodb/challenge/dynamodb-profile-repository.js';
import { DynamoDbLeaderboard } from '../../src/dynamodb/leaderboard/dynamodb-leaderboard.js';
import { RedisLeaderboard } from '../../src/redis/redis-leaderboard.js';
import { isolatedPrefix, useSharedRedis } from '../redis/redis-test-support.js';
import { useTrackedTestTable } from '../support/tracked-test-table.js';

vi.setConfig({ testTimeout: 60_000 });

const table = useTrackedTestTable('challenge');
const documents = DynamoDBDocumentClient.from(table.client);
const redis = useSharedRedis();

/** The repositories reading what the store writes, on the same table. */
const repositories = () => ({
  profiles: new DynamoDbProfileRepository({ client: documents, tableName: table.tableName() }),
  entries: new DynamoDbEntryRepository({ client: documents, tableName: table.tableName() }),
});

describeParticipantProgressStoreContract('DynamoDbParticipantProgressStore, board in the table (DynamoDB Local)', async () => {
  const leaderboard = new DynamoDbLeaderboard({ client: documents, tableName: table.tableName() });
  const store = new DynamoDbParticipantProgressStore({ client: documents, tableName: table.tableName(), leaderboard: { inTable: leaderboard } });
  return { store, leaderboard, ...repositories(), cleanup: () => table.clear() };
});

describeParticipantProgressStoreContract('DynamoDbParticipantProgressStore, board in Redis (DynamoDB Local, Redis)', async () => {
  const { keyPrefix, cleanup } = isolatedPrefix(redis());
  const leaderboard = new RedisLeaderboard(redis(), { keyPrefix });
  const store = new DynamoDbParticipantProgressStore({ client: documents, tableName: table.tableName(), leaderboard: { separate: leaderboard } });
  return {
    store,
    leaderboard,
    ...repositories(),
    cleanup: async () => {
      await cleanup();
      await table.clear();
    },
  };
});

describe('DynamoDbParticipantProgressStore under concurrent submissions (DynamoDB Local)', () => {
  it('loses no entry, count or standing when many participants submit at once (every score change updates the bucket item)', async () => {
    const leaderboard = new DynamoDbLeaderboard({ client: documents, tableName: table.tableName() });
    const store = new DynamoDbParticipantProgressStore({ client: documents, tableName: table.tableName(), leaderboard: { inTable: leaderboard } });
    const clock = { now: () => new Date('2026-03-10T12:00:00.000Z') };
    const queued: unknown[] = [];
    const submit = new SubmitEntry(store, leaderboard, { enqueue: async (job) => void queued.push(job) }, clock, DEFAULT_ACTION_LIMITS);
    const record = new RecordVerification(store, leaderboard, clock);
    const logins = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
    for (const login of logins) await store.write({ basis: null, profile: createProfile(login, {}, clock.now()) });
    const days = [1, 2, 3];
    // Each participant's days in parallel, every participant at once: writes of one participant race on
    // its profile, writes of everyone on the shared count items.
    await Promise.all(
      logins.flatMap((login, i) =>
        days.map(async (day) => {
          const url = `https://github.com/${login}/r/${day}`;
          await submit.execute({ actor: { subject: `github:${login}`, sessionId: 's' }, day, entryType: 'github', url });
          await record.execute({ githubUsername: login, day, entryType: 'github', url, confidence: 50 + 10 * i, reason: 'ok' });
        }),
      ),
    );
    expect(queued).toHaveLength(logins.length * days.length);
    const page = await leaderboard.page({ limit: 10 });
    expect(page.items.map((row) => [row.githubUsername, row.totalScore, row.rank])).toEqual(
      [...logins].reverse().map((login, i) => [login, 3 * (50 + 10 * (logins.length - 1 - i)), i + 1]),
    );
    for (const login of logins) {
      const read = (await store.read(login))!;
      expect(read.entries.map((entry) => entry.verified)).toEqual([true, true, true]);
      expect(read.submissions?.count).toBe(days.length);
      expect((await leaderboard.position(login, 1))?.row.version).toBe(read.profile.version);
    }
  });
});

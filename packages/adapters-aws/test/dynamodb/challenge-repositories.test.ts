import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Entry, Profile } from '@hdoc/domain';
import { createProfile, StaleWriteError, withOptimisticRetry } from '@hdoc/domain';
import { anEntry as anEntryOf } from '@hdoc/contract-tests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryKey, profileKey } from '../../src/dynamodb/challenge/challenge-keys.js';
import { DynamoDbEntryRepository } from '../../src/dynamodb/challenge/dynamodb-entry-repository.js';
import { DynamoDbProfileRepository } from '../../src/dynamodb/challenge/dynamodb-profile-repository.js';
import { entryItem } from '../../src/dynamodb/challenge/entry-item.js';
import { dynamoDbLocalClient, provisionTestTables } from '../support/dynamodb-clients.js';

const client = dynamoDbLocalClient();
const documents = DynamoDBDocumentClient.from(client);
let tables: Awaited<ReturnType<typeof provisionTestTables>>;
let profiles: DynamoDbProfileRepository;
let entries: DynamoDbEntryRepository;
beforeAll(async () => {
  tables = await provisionTestTables(client);
  profiles = new DynamoDbProfileRepository({ client: documents, tableName: tables.names.challenge });
  entries = new DynamoDbEntryRepository({ client: documents, tableName: tables.names.challenge });
});
afterAll(async () => {
  await tables.drop();
  client.destroy();
});

/** Every test uses participants and GitHub ids of its own, so the tests share the file's table. */
let participants = 0;
const freshName = (): string => `p${(participants += 1)}-${Date.now().toString(36)}`;
const freshId = (): number => Date.now() * 100 + (participants += 1);

const CREATED = new Date('2026-03-01T10:00:00.000Z');
const aProfile = (githubUsername: string, githubId: number | null): Profile => createProfile(githubUsername, { githubId }, CREATED);

/** A github entry of one participant's day (the contract suites' fixture). */
const anEntry = (githubUsername: string, day: number, overrides: Partial<Entry> = {}): Entry =>
  anEntryOf({ githubUsername, day, entryType: 'github' }, overrides);

async function rawItem(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: tables.names.challenge, Key: key, ConsistentRead: true }));
  return Item;
}

/** Runs `hook` once, just before the first command named `commandName` the client sends. */
function beforeFirst(base: DynamoDBClient, commandName: string, hook: () => Promise<void>): void {
  let done = false;
  base.middlewareStack.add(
    (next, context) => async (args) => {
      if (!done && context.commandName === commandName) {
        done = true;
        await hook();
      }
      return next(args);
    },
    { step: 'initialize', name: `beforeFirst${commandName}` },
  );
}

describe('DynamoDbProfileRepository stored values (DynamoDB Local)', () => {
  it('keeps empty strings apart from null, though DynamoDB Local refuses empty string attributes', async () => {
    const name = freshName();
    const profile = { ...aProfile(name, null), bio: '', fullName: '', linkedinProfile: null };
    await profiles.save(profile, null);
    expect(await profiles.get(name)).toEqual(profile);
    const edited = { ...profile, bio: 'clouds', fullName: '', version: profile.version + 1 };
    await profiles.save(edited, profile.version);
    expect(await profiles.get(name)).toEqual(edited);
  });
});

describe('DynamoDbProfileRepository under concurrency (DynamoDB Local)', () => {
  it('loses no update of interleaved read-modify-write writers with the optimistic retry, on both write paths', async () => {
    const name = freshName();
    const ids = [freshId(), freshId()];
    await profiles.save(aProfile(name, ids[0]!), null);
    const WRITERS = 4;
    const WRITES = 5;
    // Each lost race means another writer's write landed after our read: at most WRITERS * WRITES - 1 losses.
    const attempts = WRITERS * WRITES;
    // Odd writers also move the GitHub id (a TransactWriteItems); even ones change the profile alone (a PutItem).
    const writer = async (w: number): Promise<void> => {
      for (let i = 0; i < WRITES; i += 1) {
        await withOptimisticRetry(
          `profile ${name}`,
          async () => {
            const stored = (await profiles.get(name))!;
            const githubId = w % 2 === 1 ? ids[(ids.indexOf(stored.githubId!) + 1) % 2]! : stored.githubId;
            await profiles.save({ ...stored, githubScore: stored.githubScore + 1, githubId, version: stored.version + 1 }, stored.version);
          },
          attempts,
        );
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    const final = (await profiles.get(name))!;
    expect(final.githubScore).toBe(WRITERS * WRITES);
    expect(final.version).toBe(WRITERS * WRITES + 1);
    // The id items followed: the profile's id leads to it, the other id to nobody.
    expect(await profiles.getByGithubId(final.githubId!)).toEqual(final);
    expect(await profiles.getByGithubId(ids.find((id) => id !== final.githubId)!)).toBeNull();
  });

  it('lets exactly one of two registrations of one username (in two cases) win, and keeps only the winner\'s id', async () => {
    for (let round = 0; round < 15; round += 1) {
      const name = freshName();
      const candidates = [aProfile(name, freshId()), aProfile(name.toUpperCase(), freshId())];
      const results = await Promise.allSettled(candidates.map((profile) => profiles.save(profile, null)));
      const winners = candidates.filter((_, i) => results[i]!.status === 'fulfilled');
      expect(winners).toHaveLength(1);
      for (const result of results) if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(StaleWriteError);
      const loser = candidates.find((profile) => profile !== winners[0])!;
      expect(await profiles.get(name)).toEqual(winners[0]);
      expect(await profiles.getByGithubId(winners[0]!.githubId!)).toEqual(winners[0]);
      expect(await profiles.getByGithubId(loser.githubId!)).toBeNull();
    }
  });

  it('lets exactly one of two registrations of one GitHub id under two usernames win', async () => {
    for (let round = 0; round < 15; round += 1) {
      const id = freshId();
      const candidates = [aProfile(freshName(), id), aProfile(freshName(), id)];
      const results = await Promise.allSettled(candidates.map((profile) => profiles.save(profile, null)));
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      for (const result of results) if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(StaleWriteError);
      const winner = candidates[results.findIndex((result) => result.status === 'fulfilled')]!;
      const loser = candidates.find((profile) => profile !== winner)!;
      expect(await profiles.getByGithubId(id)).toEqual(winner);
      expect(await profiles.get(loser.githubUsername)).toBeNull();
    }
  });

  it('surfaces a version conflict that arises between the read and the write as StaleWriteError, on every write path, changing nothing', async () => {
    const writes: [string, (repository: DynamoDbProfileRepository, stale: Profile) => Promise<void>][] = [
      ['PutItem', (repository, stale) => repository.save({ ...stale, bio: 'lost' }, 1)],
      ['TransactWriteItems', (repository, stale) => repository.save({ ...stale, githubId: freshId() }, 1)],
      ['TransactWriteItems', (repository, stale) => repository.rename(stale.githubUsername, { ...stale, githubUsername: freshName() }, 1)],
    ];
    for (const [operation, write] of writes) {
      const v1 = aProfile(freshName(), freshId());
      await profiles.save(v1, null);
      const v2 = { ...v1, bio: 'the other writer', version: 2 };
      const base = dynamoDbLocalClient();
      beforeFirst(base, `${operation}Command`, () => profiles.save(v2, 1));
      const repository = new DynamoDbProfileRepository({ client: DynamoDBDocumentClient.from(base), tableName: tables.names.challenge });
      const error: unknown = await write(repository, { ...v1, version: 2 }).catch((caught: unknown) => caught);
      base.destroy();
      expect(error, operation).toBeInstanceOf(StaleWriteError);
      expect(error).toMatchObject({ code: 'concurrent_update' });
      expect(await profiles.get(v1.githubUsername)).toEqual(v2);
      expect(await profiles.getByGithubId(v1.githubId!)).toEqual(v2);
    }
  });

  it('stores a profile with no next transition outside the due index, and reads only the due ones', async () => {
    const settled = { ...aProfile(freshName(), null), nextTransitionAt: null };
    await profiles.save(settled, null);
    const item = await rawItem(profileKey(settled.githubUsername));
    expect(item).toBeDefined();
    expect(item).not.toHaveProperty('gsi1pk');
    expect(item).not.toHaveProperty('gsi1sk');
    const scanned: number[] = [];
    const observed = dynamoDbLocalClient();
    observed.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const count = (result.output as { ScannedCount?: number }).ScannedCount;
        if (count !== undefined) scanned.push(count);
        return result;
      },
      { step: 'build', name: 'scannedCount' },
    );
    // Due instants before 1970, far below every other test's (CREATED-based) instants.
    const due = (minutes: number) => new Date(Date.UTC(1969, 6, 20) + minutes * 60_000);
    const names = Array.from({ length: 3 }, freshName);
    for (const [i, name] of names.entries()) await profiles.save({ ...aProfile(name, null), nextTransitionAt: due(i) }, null);
    const repository = new DynamoDbProfileRepository({ client: DynamoDBDocumentClient.from(observed), tableName: tables.names.challenge });
    expect((await repository.listTransitionDue(due(1), 10)).map((p) => p.githubUsername)).toEqual(names.slice(0, 2));
    expect(scanned).toEqual([2]);
    observed.destroy();
  });
});

describe('DynamoDbEntryRepository moves (DynamoDB Local)', () => {
  it('moves more entries than one transaction holds, and re-spells as many', async () => {
    const from = freshName();
    const to = freshName();
    const days = Array.from({ length: 12 }, (_, i) => i + 1);
    for (const day of days) await entries.put(anEntry(from, day), null);
    await entries.moveParticipant(from, to);
    expect(await entries.listByParticipant(from)).toEqual([]);
    expect(await entries.listByParticipant(to)).toEqual(days.map((day) => ({ ...anEntry(from, day), githubUsername: to })));
    await entries.moveParticipant(to, to.toUpperCase());
    expect(await entries.listByParticipant(to)).toEqual(days.map((day) => ({ ...anEntry(from, day), githubUsername: to.toUpperCase() })));
  });

  it('keeps a write that lands on an entry while it moves, and finishes the move', async () => {
    const from = freshName();
    const to = freshName();
    for (const day of [1, 2, 3]) await entries.put(anEntry(from, day), null);
    const verified = anEntry(from, 2, { verified: true, confidence: 90, revision: 2 });
    const base = dynamoDbLocalClient();
    // A verification result is recorded after the move read the entries and before it writes them.
    beforeFirst(base, 'TransactWriteItemsCommand', () => entries.put(verified, 1));
    const moving = new DynamoDbEntryRepository({ client: DynamoDBDocumentClient.from(base), tableName: tables.names.challenge });
    await moving.moveParticipant(from, to);
    expect(await entries.listByParticipant(from)).toEqual([]);
    expect(await entries.listByParticipant(to)).toEqual(
      [anEntry(from, 1), verified, anEntry(from, 3)].map((entry) => ({ ...entry, githubUsername: to })),
    );
    base.destroy();
  });

  it('gives up with StaleWriteError when every pass loses a race', async () => {
    const from = freshName();
    await entries.put(anEntry(from, 1), null);
    const base = dynamoDbLocalClient();
    let revision = 1;
    base.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'TransactWriteItemsCommand') {
          revision += 1;
          await documents.send(new PutCommand({ TableName: tables.names.challenge, Item: entryItem(anEntry(from, 1, { revision })) }));
        }
        return next(args);
      },
      { step: 'initialize', name: 'alwaysRace' },
    );
    const moving = new DynamoDbEntryRepository({ client: DynamoDBDocumentClient.from(base), tableName: tables.names.challenge });
    await expect(moving.moveParticipant(from, freshName())).rejects.toBeInstanceOf(StaleWriteError);
    expect(await entries.get({ githubUsername: from, day: 1, entryType: 'github' })).toEqual(anEntry(from, 1, { revision }));
    base.destroy();
  });

  it('stores an answered entry outside the re-queue index', async () => {
    const answered = anEntry(freshName(), 1, { requeueAt: null, checkedAt: CREATED, verified: true, confidence: 70 });
    await entries.put(answered, null);
    const item = await rawItem(entryKey(answered));
    expect(item).toBeDefined();
    expect(item).not.toHaveProperty('gsi1pk');
  });
});

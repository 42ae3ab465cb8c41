import type { Entry, EntryKey, EntryRepository } from '@hdoc/domain';
import { githubUsernameKey, StaleWriteError } from '@hdoc/domain';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { queryPartition } from '../partition-query.js';
import { ENTRY_REQUEUE_PARTITION, ENTRY_SORT_PREFIX, entryKey, participantPartition } from './challenge-keys.js';
import { sendConditional } from './conditional-write.js';
import { queryDue } from './due-index.js';
import { entryItem, entryOf, entryPut, unchangedRevision } from './entry-item.js';

/** Settings of a {@link DynamoDbEntryRepository}. */
export interface DynamoDbEntryRepositoryOptions {
  readonly client: DynamoDBDocumentClient;
  /** The challenge table (`tableNames(prefix).challenge`). */
  readonly tableName: string;
}

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** DynamoDB Local (2020) refuses a transaction of more than 10 actions (AWS takes 100): 5 entries of 2. */
const MAX_TRANSACTION_ACTIONS = 10;
/** Passes over a participant's entries before a move that keeps losing races to writers gives up. */
const MOVE_ROUNDS = 5;

/**
 * EntryRepository on DynamoDB (docs/data-model.md, "Entries"): in the participant's partition
 * (`PROFILE#<lower-cased username>`), an item per (day, type) sorted by day then type, writes
 * conditional on `revision`. Entries awaiting the verifier are also in the sparse `gsi1` partition
 * `ENTRY_REQUEUE`, by `requeueAt`.
 */
export class DynamoDbEntryRepository implements EntryRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(options: DynamoDbEntryRepositoryOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
  }

  async get(key: EntryKey): Promise<Entry | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: entryKey(key), ConsistentRead: true }));
    return Item === undefined ? null : entryOf(Item);
  }

  async put(entry: Entry, expectedRevision: number | null): Promise<void> {
    await sendConditional(
      this.client,
      new PutCommand(entryPut(this.tableName, entry, expectedRevision)),
      `entry ${entry.githubUsername} day ${entry.day} ${entry.entryType}`,
    );
  }

  async listByParticipant(githubUsername: string): Promise<readonly Entry[]> {
    // At most 200 items of well under 1 KB: one page, unless entries grow past 5 KB each.
    const items = await queryPartition(this.client, this.tableName, participantPartition(githubUsername), ENTRY_SORT_PREFIX);
    return items.map(entryOf);
  }

  /**
   * Each entry moves in one transaction (put under the new name, delete under the old one if its
   * revision is still the one read; a re-spelling is one conditional put), five entries per
   * transaction. An entry a writer changed meanwhile makes its transaction fail: the move then reads
   * the participant again and goes on with what is left, and gives up with StaleWriteError after
   * {@link MOVE_ROUNDS} passes.
   */
  async moveParticipant(fromUsername: string, toUsername: string): Promise<void> {
    const sameKey = githubUsernameKey(fromUsername) === githubUsernameKey(toUsername);
    for (let round = 1; round <= MOVE_ROUNDS; round += 1) {
      const moving = (await this.listByParticipant(fromUsername)).filter((entry) => entry.githubUsername !== toUsername);
      if (moving.length === 0) return;
      const actions = moving.flatMap((entry) => this.moveActions(entry, toUsername, sameKey));
      let raced = false;
      for (let start = 0; start < actions.length; start += MAX_TRANSACTION_ACTIONS) {
        const group = actions.slice(start, start + MAX_TRANSACTION_ACTIONS);
        try {
          await sendConditional(this.client, new TransactWriteCommand({ TransactItems: group }), `entries of ${fromUsername}`);
        } catch (error) {
          if (!(error instanceof StaleWriteError)) throw error;
          raced = true;
        }
      }
      if (!raced) return;
    }
    throw new StaleWriteError(`entries of ${fromUsername}`);
  }

  async listRequeueDue(dueBy: Date, limit: number): Promise<readonly Entry[]> {
    const items = await queryDue(this.client, this.tableName, ENTRY_REQUEUE_PARTITION, dueBy, limit);
    return items.map(entryOf);
  }

  /** One entry's move: an even number of actions (or one), so a group of ten never splits an entry. */
  private moveActions(entry: Entry, toUsername: string, sameKey: boolean): TransactItem[] {
    const moved = { TableName: this.tableName, Item: entryItem({ ...entry, githubUsername: toUsername }) };
    if (sameKey) return [{ Put: { ...moved, ...unchangedRevision(entry.revision) } }];
    return [{ Put: moved }, { Delete: { TableName: this.tableName, Key: entryKey(entry), ...unchangedRevision(entry.revision) } }];
  }
}

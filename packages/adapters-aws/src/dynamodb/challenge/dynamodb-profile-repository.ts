import type { Profile, ProfileRepository } from '@hdoc/domain';
import { githubUsernameKey, StaleWriteError } from '@hdoc/domain';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../batch.js';
import { githubIdKey, PROFILE_DUE_PARTITION, profileKey } from './challenge-keys.js';
import { sendConditional, tryConditional } from './conditional-write.js';
import { queryDue } from './due-index.js';
import type { Item } from './item-codec.js';
import { profileItem, profileOf } from './profile-item.js';
import { createActions, HOLDER, idMoves, unchangedSince, updateActions, type TransactItem } from './profile-writes.js';

type ItemKey = { pk: string; sk: string };

/** Settings of a {@link DynamoDbProfileRepository}. */
export interface DynamoDbProfileRepositoryOptions {
  readonly client: DynamoDBDocumentClient;
  /** The challenge table (`tableNames(prefix).challenge`). */
  readonly tableName: string;
}


/**
 * ProfileRepository on DynamoDB (docs/data-model.md, "Profiles"). A profile is one item in its own
 * partition (`PROFILE#<lower-cased username>`); a GitHub id is held by one id item
 * (`GITHUB_ID#<id>`, naming the username), which makes ids unique. Writes are conditional on the
 * stored `version` and on the `github_id` read with it; a write that changes which id items exist
 * (an id claimed, dropped or changed, a rename) is one TransactWriteItems of at most 4 actions.
 * The due profiles are read from the sparse `gsi1` partition `PROFILE_DUE`.
 */
export class DynamoDbProfileRepository implements ProfileRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(options: DynamoDbProfileRepositoryOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
  }

  async get(githubUsername: string): Promise<Profile | null> {
    const item = await this.getItem(profileKey(githubUsername));
    return item === null ? null : profileOf(item);
  }

  async getByGithubId(githubId: number, likelyUsername?: string): Promise<Profile | null> {
    const [holder, likely] = likelyUsername === undefined ? [await this.getItem(githubIdKey(githubId)), null] : await this.getPair(githubIdKey(githubId), profileKey(likelyUsername));
    if (holder === null) return null;
    const heldBy = String(holder[HOLDER]);
    // The login GitHub returned is the one the id names, unless the account was renamed: then one more read.
    const profile = likely !== null && githubUsernameKey(String(likely.github_username)) === heldBy ? profileOf(likely) : await this.get(heldBy);
    // Between the two reads the holder may have given the id up: then nobody holds it as far as we read.
    return profile?.githubId === githubId ? profile : null;
  }

  async save(profile: Profile, expectedVersion: number | null): Promise<void> {
    const what = `profile ${profile.githubUsername}`;
    if (expectedVersion === null) return this.create(profile, what);
    // Most writes keep the id, so its item already names this profile: one Put conditional on the version
    // and id the caller read, with no read of our own (`npm run bench -- aws-calls`: one call fewer for
    // every profile write).
    const keepingId = await tryConditional(
      this.client,
      new PutCommand({ TableName: this.tableName, Item: profileItem(profile), ...unchangedSince({ version: expectedVersion, githubId: profile.githubId }) }),
    );
    if (keepingId) return;
    // Another writer won, or the id changes: the stored profile tells which.
    const stored = await this.get(profile.githubUsername);
    if (stored?.version !== expectedVersion || stored.githubId === profile.githubId) throw new StaleWriteError(what);
    await this.transact(updateActions(this.tableName, stored, profile), what);
  }

  async rename(fromUsername: string, profile: Profile, expectedVersion: number): Promise<void> {
    const fromKey = githubUsernameKey(fromUsername);
    const toKey = githubUsernameKey(profile.githubUsername);
    if (fromKey === toKey) return this.save(profile, expectedVersion);
    const what = `profile ${fromUsername}`;
    const stored = await this.get(fromUsername);
    if (stored?.version !== expectedVersion) throw new StaleWriteError(what);
    await this.transact(
      [
        { Delete: { TableName: this.tableName, Key: profileKey(fromUsername), ...unchangedSince(stored) } },
        { Put: { TableName: this.tableName, Item: profileItem(profile), ConditionExpression: 'attribute_not_exists(pk)' } },
        ...idMoves(this.tableName, stored.githubId, profile.githubId, fromKey, toKey),
      ],
      what,
    );
  }

  async listTransitionDue(dueBy: Date, limit: number): Promise<readonly Profile[]> {
    const items = await queryDue(this.client, this.tableName, PROFILE_DUE_PARTITION, dueBy, limit);
    return items.map(profileOf);
  }

  /** A new profile: its item, and its id item when it has an id; each must not exist yet. */
  private async create(profile: Profile, what: string): Promise<void> {
    const actions = createActions(this.tableName, profile);
    if (actions.length === 1) return sendConditional(this.client, new PutCommand(actions[0]!.Put!), what);
    await this.transact(actions, what);
  }

  private transact(actions: TransactItem[], what: string): Promise<void> {
    return sendConditional(this.client, new TransactWriteCommand({ TransactItems: actions }), what);
  }

  /** Two items in one strongly consistent BatchGetItem (retrying keys DynamoDB leaves unprocessed). */
  private async getPair(first: ItemKey, second: ItemKey): Promise<[Item | null, Item | null]> {
    const items = await batchGetAll(this.client, this.tableName, [first, second], true);
    const find = (key: ItemKey): Item | null => items.find((item) => item.pk === key.pk && item.sk === key.sk) ?? null;
    return [find(first), find(second)];
  }

  private async getItem(key: ItemKey): Promise<Item | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return Item ?? null;
  }
}

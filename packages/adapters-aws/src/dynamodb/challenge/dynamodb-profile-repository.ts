import type { Profile, ProfileRepository } from '@hdoc/domain';
import { githubUsernameKey, StaleWriteError } from '@hdoc/domain';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { githubIdKey, PROFILE_DUE_PARTITION, profileKey } from './challenge-keys.js';
import { sendConditional, tryConditional } from './conditional-write.js';
import { queryDue } from './due-index.js';
import type { Item } from './item-codec.js';
import { PROFILE_GITHUB_ID, PROFILE_VERSION, profileItem, profileOf } from './profile-item.js';

/** Settings of a {@link DynamoDbProfileRepository}. */
export interface DynamoDbProfileRepositoryOptions {
  readonly client: DynamoDBDocumentClient;
  /** The challenge table (`tableNames(prefix).challenge`). */
  readonly tableName: string;
}

/** The id item's attribute naming the lower-cased username that holds the id. */
const HOLDER = 'username_key';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** A write's condition and the names and values it uses. */
interface Condition {
  readonly ConditionExpression: string;
  readonly ExpressionAttributeNames?: Record<string, string>;
  readonly ExpressionAttributeValues?: Record<string, unknown>;
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

  async getByGithubId(githubId: number): Promise<Profile | null> {
    const holder = await this.getItem(githubIdKey(githubId));
    if (holder === null) return null;
    const profile = await this.get(String(holder[HOLDER]));
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
      new PutCommand({ TableName: this.tableName, Item: profileItem(profile), ...this.unchangedSince({ version: expectedVersion, githubId: profile.githubId }) }),
    );
    if (keepingId) return;
    // Another writer won, or the id changes: the stored profile tells which.
    const stored = await this.get(profile.githubUsername);
    if (stored?.version !== expectedVersion || stored.githubId === profile.githubId) throw new StaleWriteError(what);
    const put = { Put: { TableName: this.tableName, Item: profileItem(profile), ...this.unchangedSince(stored) } };
    const key = githubUsernameKey(profile.githubUsername);
    await this.transact([put, ...this.idMoves(stored.githubId, profile.githubId, key, key)], what);
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
        { Delete: { TableName: this.tableName, Key: profileKey(fromUsername), ...this.unchangedSince(stored) } },
        { Put: { TableName: this.tableName, Item: profileItem(profile), ConditionExpression: 'attribute_not_exists(pk)' } },
        ...this.idMoves(stored.githubId, profile.githubId, fromKey, toKey),
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
    const put = { Put: { TableName: this.tableName, Item: profileItem(profile), ConditionExpression: 'attribute_not_exists(pk)' } };
    if (profile.githubId === null) return sendConditional(this.client, new PutCommand(put.Put), what);
    await this.transact([put, ...this.idMoves(null, profile.githubId, '', githubUsernameKey(profile.githubUsername))], what);
  }

  /**
   * The condition that the stored profile is still the one read: its version, and its id (a profile
   * renamed away and created again restarts at version 1, so the version alone could match another).
   */
  private unchangedSince(stored: Pick<Profile, 'version' | 'githubId'>): Condition {
    const names = { '#version': PROFILE_VERSION, '#githubId': PROFILE_GITHUB_ID };
    return stored.githubId === null
      ? {
          ConditionExpression: '#version = :version AND attribute_type(#githubId, :null)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':version': stored.version, ':null': 'NULL' },
        }
      : {
          ConditionExpression: '#version = :version AND #githubId = :githubId',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':version': stored.version, ':githubId': stored.githubId },
        };
  }

  /**
   * The id item actions of a profile moving from `fromKey` with id `from` to `toKey` with id `to`: the
   * new id claimed (it must be free, or name this profile already), the old one released (it must
   * still name this profile). Callers skip it when neither the id nor the key changes.
   */
  private idMoves(from: number | null, to: number | null, fromKey: string, toKey: string): TransactItem[] {
    const heldByFrom: Condition = {
      ConditionExpression: '#holder = :from',
      ExpressionAttributeNames: { '#holder': HOLDER },
      ExpressionAttributeValues: { ':from': fromKey },
    };
    const actions: TransactItem[] = [];
    if (to !== null) {
      const claim = from === to ? heldByFrom : { ConditionExpression: 'attribute_not_exists(pk)' };
      actions.push({ Put: { TableName: this.tableName, Item: { ...githubIdKey(to), [HOLDER]: toKey }, ...claim } });
    }
    if (from !== null && from !== to) {
      actions.push({ Delete: { TableName: this.tableName, Key: githubIdKey(from), ...heldByFrom } });
    }
    return actions;
  }

  private transact(actions: TransactItem[], what: string): Promise<void> {
    return sendConditional(this.client, new TransactWriteCommand({ TransactItems: actions }), what);
  }

  private async getItem(key: { pk: string; sk: string }): Promise<Item | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return Item ?? null;
  }
}

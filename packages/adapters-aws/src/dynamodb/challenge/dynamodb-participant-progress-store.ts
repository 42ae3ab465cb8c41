import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  toLeaderboardStanding,
  type Entry,
  type Leaderboard,
  type LeaderboardStanding,
  type ParticipantProgress,
  type ParticipantProgressStore,
  type Profile,
  type ProgressChange,
  type SubmissionWindow,
} from '@hdoc/domain';
import type { DynamoDbLeaderboard } from '../leaderboard/dynamodb-leaderboard.js';
import { standingOfItem, type StandingItem } from '../leaderboard/standing-item.js';
import { ENTRY_SORT_PREFIX, participantPartition, PROFILE_SORT_KEY, STANDING_SORT_KEY, SUBMISSIONS_SORT_KEY, submissionsKey } from './challenge-keys.js';
import { commitConditional } from '../conditional-commit.js';
import { queryPartition } from '../partition-query.js';
import { ENTRY_REVISION, entryItem, entryOf } from './entry-item.js';
import { profileOf } from './profile-item.js';
import { createActions, updateActions, type TransactItem } from './profile-writes.js';

/** Settings of a {@link DynamoDbParticipantProgressStore}. */
export interface DynamoDbParticipantProgressStoreOptions {
  readonly client: DynamoDBDocumentClient;
  /** The challenge table (`tableNames(prefix).challenge`). */
  readonly tableName: string;
  /**
   * The board: the DynamoDB leaderboard on the same table (its standing moves in the profile's
   * transaction), or another Leaderboard (Redis), upserted right after the transaction.
   */
  readonly leaderboard: { readonly inTable: DynamoDbLeaderboard } | { readonly separate: Leaderboard };
}

/**
 * ParticipantProgressStore on the challenge table (docs/data-model.md, "Participants"): a participant's
 * profile, entries, submission count and standing share the partition `PROFILE#<lower-cased username>`,
 * so `read` is one strongly consistent Query and `write` one TransactWriteItems (profile put conditional
 * on the version and id read, entry put on its revision, count put, standing put and count updates on
 * what the read found): at most 8 actions, within DynamoDB Local's 10.
 */
export class DynamoDbParticipantProgressStore implements ParticipantProgressStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly leaderboard: DynamoDbParticipantProgressStoreOptions['leaderboard'];

  constructor(options: DynamoDbParticipantProgressStoreOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.leaderboard = options.leaderboard;
  }

  async read(githubUsername: string): Promise<ParticipantProgress | null> {
    let profile: Profile | null = null;
    let submissions: SubmissionWindow | null = null;
    let standing: LeaderboardStanding | null = null;
    const entries: Entry[] = [];
    // One page in practice: at most ~200 entries of well under 1 KB and three small items.
    for (const item of await queryPartition(this.client, this.tableName, participantPartition(githubUsername))) {
      const sk = String(item.sk);
      if (sk.startsWith(ENTRY_SORT_PREFIX)) entries.push(entryOf(item));
      else if (sk === PROFILE_SORT_KEY) profile = profileOf(item);
      else if (sk === SUBMISSIONS_SORT_KEY) submissions = { startedAt: new Date(Number(item.started_at)), count: Number(item.count) };
      else if (sk === STANDING_SORT_KEY) standing = standingOfItem(item as unknown as StandingItem);
    }
    if (profile === null) return null;
    return { profile, entries, submissions, ...('inTable' in this.leaderboard && { standing }) };
  }

  async write(change: ProgressChange): Promise<void> {
    const { basis, profile, entry } = change;
    const actions: TransactItem[] = basis === null ? createActions(this.tableName, profile) : updateActions(this.tableName, basis.profile, profile);
    if (entry !== undefined) {
      const condition =
        entry.expectedRevision === null
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: '#revision = :revision', ExpressionAttributeNames: { '#revision': ENTRY_REVISION }, ExpressionAttributeValues: { ':revision': entry.expectedRevision } };
      actions.push({ Put: { TableName: this.tableName, Item: entryItem(entry.entry), ...condition } });
    }
    if (change.submissions !== undefined) {
      // Unconditional: the profile's condition already makes concurrent writers of the participant take turns.
      const { startedAt, count } = change.submissions;
      actions.push({ Put: { TableName: this.tableName, Item: { ...submissionsKey(profile.githubUsername), started_at: startedAt.getTime(), count } } });
    }
    const standing = toLeaderboardStanding(profile);
    if ('inTable' in this.leaderboard) {
      const held = basis?.standing ?? null;
      actions.push(...(this.leaderboard.inTable.moveActions(held === null ? null : { totalScore: held.githubScore + held.twitterScore, version: held.version }, standing) ?? []));
    }
    // A transaction that only met another one (every score change updates the shared bucket item) is sent again.
    await commitConditional(this.client, () => new TransactWriteCommand({ TransactItems: actions }), `profile ${profile.githubUsername}`);
    if ('separate' in this.leaderboard) await this.leaderboard.separate.upsert(standing);
  }
}

import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  StaleWriteError,
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
import { entryOf, entryPut } from './entry-item.js';
import { profileOf } from './profile-item.js';
import { DynamoDbProfileRepository } from './dynamodb-profile-repository.js';
import { createActions, updateActions, type TransactItem } from './profile-writes.js';

/**
 * The count item names the profile it counts for by its creation instant: a name released and taken by
 * another account (RegisterProfile) leaves the old count behind, which must not count for the newcomer.
 */
const SUBMISSIONS_OWNER = 'profile_created_at';

function submissionsOf(item: Record<string, unknown> | null, profile: Profile): SubmissionWindow | null {
  if (item === null || item[SUBMISSIONS_OWNER] !== profile.createdAt.getTime()) return null;
  return { startedAt: new Date(Number(item.started_at)), count: Number(item.count) };
}

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
  private readonly profiles: DynamoDbProfileRepository;

  constructor(options: DynamoDbParticipantProgressStoreOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.leaderboard = options.leaderboard;
    this.profiles = new DynamoDbProfileRepository(options);
  }

  async read(githubUsername: string): Promise<ParticipantProgress | null> {
    let profile: Profile | null = null;
    let submissionsItem: Record<string, unknown> | null = null;
    let standing: LeaderboardStanding | null = null;
    const entries: Entry[] = [];
    // One page in practice: at most ~200 entries of well under 1 KB and three small items.
    for (const item of await queryPartition(this.client, this.tableName, participantPartition(githubUsername))) {
      const sk = String(item.sk);
      if (sk.startsWith(ENTRY_SORT_PREFIX)) entries.push(entryOf(item));
      else if (sk === PROFILE_SORT_KEY) profile = profileOf(item);
      else if (sk === SUBMISSIONS_SORT_KEY) submissionsItem = item;
      else if (sk === STANDING_SORT_KEY) standing = standingOfItem(item as unknown as StandingItem);
    }
    if (profile === null) return null;
    return { profile, entries, submissions: submissionsOf(submissionsItem, profile), ...('inTable' in this.leaderboard && { standing }) };
  }

  async write(change: ProgressChange): Promise<void> {
    const { basis, profile, entry } = change;
    const actions: TransactItem[] = basis === null ? createActions(this.tableName, profile) : updateActions(this.tableName, basis.profile, profile);
    if (entry !== undefined) actions.push({ Put: entryPut(this.tableName, entry.entry, entry.expectedRevision) });
    if (change.submissions !== undefined) {
      // Unconditional: the profile's condition already makes concurrent writers of the participant take turns.
      const { startedAt, count } = change.submissions;
      const item = { ...submissionsKey(profile.githubUsername), started_at: startedAt.getTime(), count, [SUBMISSIONS_OWNER]: profile.createdAt.getTime() };
      actions.push({ Put: { TableName: this.tableName, Item: item } });
    }
    const standing = toLeaderboardStanding(profile);
    if ('inTable' in this.leaderboard) {
      const held = basis?.standing ?? null;
      actions.push(...(this.leaderboard.inTable.moveActions(held === null ? null : { totalScore: held.githubScore + held.twitterScore, version: held.version }, standing) ?? []));
    }
    // A transaction that only met another one (every score change updates the shared bucket item) is sent again.
    const commit = () => commitConditional(this.client, () => new TransactWriteCommand({ TransactItems: actions }), `profile ${profile.githubUsername}`);
    try {
      await commit();
    } catch (error) {
      if (!(basis === null && error instanceof StaleWriteError && 'inTable' in this.leaderboard)) throw error;
      // No profile holds the name, yet the creation failed: a standing a moved-away profile left under it (a
      // move interrupted before its board removal) may be in the way. It is nobody's: take it off the board
      // (its counts with it) and create once more; a genuine race or a held id fails again.
      if ((await this.profiles.get(profile.githubUsername)) !== null) throw error;
      await this.leaderboard.inTable.remove(profile.githubUsername);
      await commit();
    }
    if ('separate' in this.leaderboard) {
      // A new profile's name may carry a standing a moved-away profile left (see above): nobody's.
      if (basis === null) await this.leaderboard.separate.remove(profile.githubUsername);
      await this.leaderboard.separate.upsert(standing);
    }
  }
}

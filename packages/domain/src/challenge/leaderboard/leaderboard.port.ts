import type { Page } from '../../shared/page.js';
import { token } from '../../shared/token.js';
import type { ProfileStatus } from '../profile/profile-status.js';

/** What the leaderboard keeps of one participant: the derived standing stored with the profile. */
export interface LeaderboardStanding {
  /** As GitHub returns it; the leaderboard keys it case-insensitively. */
  readonly githubUsername: string;
  readonly fullName: string | null;
  /** The participant's GitHub avatar, as the profile stores it. */
  readonly avatarUrl: string | null;
  readonly githubScore: number;
  readonly twitterScore: number;
  readonly daysCompleted: number;
  readonly githubStreak: number;
  readonly twitterStreak: number;
  readonly status: ProfileStatus;
  /** The profile version this standing was derived from; an upsert never replaces a newer one. */
  readonly version: number;
}

/** A standing with its position. `rank` = 1 + participants (all statuses) with a strictly higher total. */
export interface LeaderboardRow extends LeaderboardStanding {
  readonly rank: number;
  readonly totalScore: number;
}

/** Query of one leaderboard page; `limit` is already validated (1..100). */
export interface LeaderboardPageQuery {
  readonly limit: number;
  readonly cursor?: string | null;
  readonly status?: ProfileStatus;
}

/**
 * A participant's row and up to `neighbours` rows directly above and below it in the full order
 * (all statuses), both lists in leaderboard order: `above` ends with the row just above, `below`
 * starts with the row just below.
 */
export interface LeaderboardPosition {
  readonly row: LeaderboardRow;
  readonly above: readonly LeaderboardRow[];
  readonly below: readonly LeaderboardRow[];
}

/**
 * The always-current ranking of participants: ordered by total score desc, then days_completed desc,
 * then github_username asc (case-insensitive). Every profile write upserts the standing here, so the
 * order is current after each write; implementations keep an ordered index (page, rank and upsert
 * are O(log n) plus the page size), never sorting all participants per call.
 */
export interface Leaderboard {
  /** Inserts or replaces a participant's standing, unless the board holds a higher `version` already. */
  upsert(standing: LeaderboardStanding): Promise<void>;
  /** Removes a participant; removing an unknown one does nothing. */
  remove(githubUsername: string): Promise<void>;
  /**
   * One page in leaderboard order, optionally only one status. Rows keep their global rank.
   * Throws `ValidationError('cursor')` for a cursor it did not issue.
   */
  page(query: LeaderboardPageQuery): Promise<Page<LeaderboardRow>>;
  /** The participant's row and neighbours, or null when the participant is not on the board. */
  position(githubUsername: string, neighbours: number): Promise<LeaderboardPosition | null>;
}

export const LeaderboardToken = token<Leaderboard>('Leaderboard');

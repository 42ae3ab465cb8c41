import { leaderboardKey, type LeaderboardRow, type LeaderboardKeyset, type LeaderboardStanding } from '@hdoc/domain';
import { ALL_PARTITION, orderSortKey, standingKey, statusPartition } from './leaderboard-keys.js';

/** A standing as the challenge table stores it: its key, its place in both order indexes, and the standing. */
export interface StandingItem {
  readonly pk: string;
  readonly sk: string;
  /** Hash key of `lb_order` (every participant). */
  readonly lb_all: string;
  /** Hash key of `lb_status_order` (the participant's status). */
  readonly lb_status: string;
  /** Range key of both order indexes. */
  readonly lb_sk: string;
  readonly github_username: string;
  /** Absent for '' (see {@link textAttribute}). */
  readonly full_name?: string | null;
  readonly avatar_url?: string | null;
  readonly github_score: number;
  readonly twitter_score: number;
  /** Stored so conditions and count updates need no arithmetic in expressions. */
  readonly total_score: number;
  readonly days_completed: number;
  readonly github_streak: number;
  readonly twitter_streak: number;
  readonly status: LeaderboardStanding['status'];
  readonly version: number;
}

/** The order position of a standing. */
export function keysetOf(standing: LeaderboardStanding): LeaderboardKeyset {
  return {
    totalScore: standing.githubScore + standing.twitterScore,
    daysCompleted: standing.daysCompleted,
    key: leaderboardKey(standing.githubUsername),
  };
}

/**
 * A nullable text as an attribute: DynamoDB Local (2020) refuses empty strings, which AWS accepts
 * since May 2020, so '' is stored as no attribute and null as NULL.
 */
function textAttribute<K extends string>(name: K, value: string | null): Partial<Record<K, string | null>> {
  return value === '' ? {} : ({ [name]: value } as Record<K, string | null>);
}

export function standingItem(standing: LeaderboardStanding): StandingItem {
  return {
    ...standingKey(standing.githubUsername),
    lb_all: ALL_PARTITION,
    lb_status: statusPartition(standing.status),
    lb_sk: orderSortKey(keysetOf(standing)),
    github_username: standing.githubUsername,
    ...textAttribute('full_name', standing.fullName),
    ...textAttribute('avatar_url', standing.avatarUrl),
    github_score: standing.githubScore,
    twitter_score: standing.twitterScore,
    total_score: standing.githubScore + standing.twitterScore,
    days_completed: standing.daysCompleted,
    github_streak: standing.githubStreak,
    twitter_streak: standing.twitterStreak,
    status: standing.status,
    version: standing.version,
  };
}

export function rowOf(item: StandingItem, rank: number): LeaderboardRow {
  return {
    githubUsername: item.github_username,
    fullName: item.full_name ?? (item.full_name === null ? null : ''),
    avatarUrl: item.avatar_url ?? (item.avatar_url === null ? null : ''),
    githubScore: item.github_score,
    twitterScore: item.twitter_score,
    daysCompleted: item.days_completed,
    githubStreak: item.github_streak,
    twitterStreak: item.twitter_streak,
    status: item.status,
    version: item.version,
    totalScore: item.total_score,
    rank,
  };
}

/** Whether two standing items hold the same attributes: writing one over the other would change nothing. */
export function sameStandingItem(a: StandingItem, b: StandingItem): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof StandingItem>;
  return [...keys].every((key) => a[key] === b[key]);
}

/** The standing an item holds. */
export function standingOfItem(item: StandingItem): LeaderboardStanding {
  const { rank: _rank, totalScore: _total, ...standing } = rowOf(item, 0);
  return standing;
}

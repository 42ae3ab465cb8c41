import { MAX_DAYS_COMPLETED, MAX_TOTAL_SCORE, type LeaderboardKeyset, type ProfileStatus } from '@hdoc/domain';
import { participantPartition, STANDING_SORT_KEY } from '../challenge/challenge-keys.js';
import { orderedText } from '../ordered-key.js';

/*
 * A standing sits in its participant's partition, beside the profile it is derived from, so a progress
 * write reads and moves both in one call; the shared count items sit under the `LB#` prefix of the
 * challenge table. See docs/data-model.md, "Leaderboard".
 */

/** The standing's own item: `pk = PROFILE#<lowercase username>`, `sk = LB`. */
export function standingKey(githubUsername: string): { pk: string; sk: string } {
  return { pk: participantPartition(githubUsername), sk: STANDING_SORT_KEY };
}

/** The partition of the `lb_order` index that holds every participant. */
export const ALL_PARTITION = 'LB#ALL';

/** The partition of the `lb_status_order` index that holds one status. */
export function statusPartition(status: ProfileStatus): string {
  return `LB#${status}`;
}

/**
 * The sort key of both order indexes: leaderboard order as UTF-8 byte order. Fixed-width
 * complements put the higher total, then the more days, first; the key follows in code-unit order
 * (orderedText), and the fixed-width prefix makes a separator unnecessary.
 */
export function orderSortKey(keyset: LeaderboardKeyset): string {
  const total = String(MAX_TOTAL_SCORE - keyset.totalScore).padStart(5, '0');
  const days = String(MAX_DAYS_COMPLETED - keyset.daysCompleted).padStart(3, '0');
  return `${total}${days}#${orderedText(keyset.key)}`;
}

/**
 * The partition of the score counts: one item per total, and one item holding every bucket's count (an
 * attribute per bucket, ~1.6 KB), so a rank reads the buckets with one GetItem (or in the BatchGetItem
 * that reads the standing). Keys are short because a Query is billed by the size of what it reads: a
 * total item is ~16 bytes, so a bucket's 100 totals fit in one 4 KB read unit.
 */
export const COUNTS_PARTITION = 'LB#N';

/** The item holding the count of every bucket. */
export const BUCKETS_KEY = { pk: COUNTS_PARTITION, sk: 'B' } as const;

/**
 * Totals per bucket. 20,001 totals in 201 buckets: a rank reads the bucket item and at most 99 total
 * items of its own bucket, whatever the number of participants.
 */
export const BUCKET_WIDTH = 100;
export const LAST_BUCKET = Math.floor(MAX_TOTAL_SCORE / BUCKET_WIDTH);

export function bucketOf(total: number): number {
  return Math.floor(total / BUCKET_WIDTH);
}

/** The highest total of the bucket holding `total`. */
export function bucketEnd(total: number): number {
  return Math.min(MAX_TOTAL_SCORE, bucketOf(total) * BUCKET_WIDTH + BUCKET_WIDTH - 1);
}

/** The count item of participants whose total is `total`. */
export function totalCountSortKey(total: number): string {
  return `T#${String(total).padStart(5, '0')}`;
}

/** The bucket item's attribute counting the participants whose total falls in `bucket`. */
export function bucketAttribute(bucket: number): string {
  return `b${String(bucket).padStart(3, '0')}`;
}

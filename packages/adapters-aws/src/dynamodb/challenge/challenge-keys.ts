import type { EntryKey } from '@hdoc/domain';
import { ENTRY_TYPES, githubUsernameKey } from '@hdoc/domain';
import { KEY_SEPARATOR, orderedNumber } from '../ordered-key.js';

/**
 * Keys of the participant items in the challenge table (docs/data-model.md, "Participants"). One
 * partition per participant, `PROFILE#<lower-cased username>`, holds the profile, its entries, its
 * submission count and its leaderboard standing, so one Query reads everything a progress write derives
 * from. `GITHUB_ID#` partitions make ids unique; the due partitions of `gsi1` are `PROFILE_DUE` and
 * `ENTRY_REQUEUE`; the leaderboard's shared items (counts) use `LB#` partitions.
 */

/** A participant's partition, by lower-cased username. */
export function participantPartition(githubUsername: string): string {
  return `PROFILE#${githubUsernameKey(githubUsername)}`;
}

/** The sort keys of a participant's items (entries: `ENTRY#` + slot). Entries sort first, then LB, PROFILE, QUOTA. */
export const PROFILE_SORT_KEY = 'PROFILE';
export const STANDING_SORT_KEY = 'LB';
export const SUBMISSIONS_SORT_KEY = 'QUOTA';
export const ENTRY_SORT_PREFIX = 'ENTRY#';

/** A profile item's key. */
export function profileKey(githubUsername: string): { pk: string; sk: string } {
  return { pk: participantPartition(githubUsername), sk: PROFILE_SORT_KEY };
}

/** The item counting a participant's entry submissions in the current quota window. */
export function submissionsKey(githubUsername: string): { pk: string; sk: string } {
  return { pk: participantPartition(githubUsername), sk: SUBMISSIONS_SORT_KEY };
}

/** The item that makes a GitHub id unique: it names the lower-cased username holding the id. */
export function githubIdKey(githubId: number): { pk: string; sk: string } {
  return { pk: `GITHUB_ID#${githubId}`, sk: 'GITHUB_ID' };
}

/** An entry's place in its participant's partition: zero-padded day, then the type's index (github first). */
function entrySlot(key: Pick<EntryKey, 'day' | 'entryType'>): string {
  return `${String(key.day).padStart(3, '0')}#${ENTRY_TYPES.indexOf(key.entryType)}`;
}

/** An entry item's key; sort keys order the entries by day, github before twitter. */
export function entryKey(key: EntryKey): { pk: string; sk: string } {
  return { pk: participantPartition(key.githubUsername), sk: `${ENTRY_SORT_PREFIX}${entrySlot(key)}` };
}

/** The gsi1 partitions of the two due reads. */
export const PROFILE_DUE_PARTITION = 'PROFILE_DUE';
export const ENTRY_REQUEUE_PARTITION = 'ENTRY_REQUEUE';

/**
 * A due-index sort key: the instant (fixed width, so string order is time order, before 1970 too),
 * then the tie-breaking parts. KEY_SEPARATOR sorts below every character of a username, so a name
 * that prefixes another sorts first, as in JavaScript.
 */
export function dueSortKey(at: Date, ...ties: string[]): string {
  return [orderedNumber(at.getTime()), ...ties].join(KEY_SEPARATOR);
}

/** The exclusive upper bound of the sort keys due at or before `dueBy`. */
export function dueBound(dueBy: Date): string {
  return orderedNumber(dueBy.getTime() + 1);
}

/** The profile's due-index keys: by next transition instant, ties by lower-cased username; none when null. */
export function profileDueKeys(githubUsername: string, nextTransitionAt: Date | null): Record<string, string> {
  if (nextTransitionAt === null) return {};
  return { gsi1pk: PROFILE_DUE_PARTITION, gsi1sk: dueSortKey(nextTransitionAt, githubUsernameKey(githubUsername)) };
}

/** The entry's re-queue index keys: by requeueAt, ties by lower-cased participant, day, github first; none when null. */
export function entryRequeueKeys(key: EntryKey, requeueAt: Date | null): Record<string, string> {
  if (requeueAt === null) return {};
  return { gsi1pk: ENTRY_REQUEUE_PARTITION, gsi1sk: dueSortKey(requeueAt, githubUsernameKey(key.githubUsername), entrySlot(key)) };
}

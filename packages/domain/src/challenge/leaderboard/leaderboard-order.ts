/** Days of the challenge, hence the most days a participant can complete. */
export const MAX_DAYS_COMPLETED = 100;
/** Highest score of one entry type: one verified entry per day, confidence at most 100. */
export const MAX_TYPE_SCORE = MAX_DAYS_COMPLETED * 100;
/** Highest total (GitHub + Twitter). Adapters may rely on it to size ordered indexes. */
export const MAX_TOTAL_SCORE = 2 * MAX_TYPE_SCORE;

/**
 * The position of a participant in leaderboard order: total desc, days completed desc, key asc.
 * It is also the keyset a page cursor carries.
 */
export interface LeaderboardKeyset {
  readonly totalScore: number;
  readonly daysCompleted: number;
  /** {@link leaderboardKey} of the participant. */
  readonly key: string;
}

/**
 * The case-insensitive identity of a participant on the board, and its tie-break: GitHub usernames
 * are case-insensitive, so `Alice` and `alice` are one participant, ordered by this lowercase form
 * compared code unit by code unit (not by locale, so every adapter agrees).
 */
export function leaderboardKey(githubUsername: string): string {
  return githubUsername.toLowerCase();
}

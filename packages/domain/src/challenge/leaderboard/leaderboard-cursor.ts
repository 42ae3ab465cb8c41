import { ValidationError } from '../../shared/errors.js';
import { decodeBase64Url, encodeBase64Url } from '../../shared/base64url.js';
import { leaderboardKey, MAX_DAYS_COMPLETED, MAX_TOTAL_SCORE } from './leaderboard-order.js';
import type { LeaderboardKeyset } from './leaderboard-order.js';

/**
 * The page cursor every Leaderboard adapter issues: the keyset of the last row of the page, so the
 * next page starts strictly after that position whatever moved meanwhile (see README.md).
 * Opaque to clients: base64url of the JSON array `[total, days, key]`.
 */
export function encodeLeaderboardCursor(keyset: LeaderboardKeyset): string {
  return encodeBase64Url(JSON.stringify([keyset.totalScore, keyset.daysCompleted, keyset.key]));
}

function isIntegerIn(value: unknown, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max;
}

/** Reads a cursor back; `ValidationError('cursor')` for anything {@link encodeLeaderboardCursor} did not produce. */
export function decodeLeaderboardCursor(cursor: string): LeaderboardKeyset {
  const invalid = new ValidationError('cursor', 'is not a cursor of this leaderboard');
  const json = decodeBase64Url(cursor);
  if (json === null) throw invalid;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw invalid;
  }
  if (!Array.isArray(value) || value.length !== 3) throw invalid;
  const [totalScore, daysCompleted, key] = value as unknown[];
  if (
    !isIntegerIn(totalScore, MAX_TOTAL_SCORE) ||
    !isIntegerIn(daysCompleted, MAX_DAYS_COMPLETED) ||
    typeof key !== 'string' ||
    key === '' ||
    key !== leaderboardKey(key)
  ) {
    throw invalid;
  }
  return { totalScore, daysCompleted, key };
}

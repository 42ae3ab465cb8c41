import { decodeLeaderboardCursor, encodeLeaderboardCursor, ValidationError, type LeaderboardKeyset } from '@hdoc/domain';

/**
 * Where a page ended and the rank state there, so the next page continues ranking without counting
 * everyone above it.
 */
export interface LeaderboardPageState {
  /** The last row's position in leaderboard order (the domain's cursor). */
  readonly keyset: LeaderboardKeyset;
  /** That row's rank. */
  readonly rank: number;
  /**
   * Rows of the full order up to and including that row, when the page read the full order from its
   * top (null after a status page, whose rows skip other statuses).
   */
  readonly position: number | null;
}

const invalid = (): ValidationError => new ValidationError('cursor', 'is not a cursor of this leaderboard');

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 1;

/** The adapter's opaque cursor: base64url of `[domain cursor, rank, position | null]`. */
export function encodePageState(state: LeaderboardPageState): string {
  return Buffer.from(JSON.stringify([encodeLeaderboardCursor(state.keyset), state.rank, state.position])).toString('base64url');
}

/** Reads a cursor back; `ValidationError('cursor')` for anything {@link encodePageState} did not produce. */
export function decodePageState(cursor: string): LeaderboardPageState {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(value) || value.length !== 3) throw invalid();
  const [inner, rank, position] = value as unknown[];
  if (typeof inner !== 'string' || !isCount(rank) || !(position === null || (isCount(position) && position >= rank))) throw invalid();
  return { keyset: decodeLeaderboardCursor(inner), rank, position };
}

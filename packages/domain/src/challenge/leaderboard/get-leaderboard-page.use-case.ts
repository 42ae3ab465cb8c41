import { ValidationError } from '../../shared/errors.js';
import { resolvePageLimit } from '../../shared/page.js';
import type { Page } from '../../shared/page.js';
import { PROFILE_STATUSES } from '../profile/profile-status.js';
import type { ProfileStatus } from '../profile/profile-status.js';
import type { Leaderboard, LeaderboardRow } from './leaderboard.port.js';

/** `GET /leaderboard?status=&limit=&cursor=` as plain values, unvalidated. */
export interface GetLeaderboardPageInput {
  readonly status?: string | null;
  readonly cursor?: string | null;
  readonly limit?: number;
}

function parseStatus(status: string | null | undefined): ProfileStatus | undefined {
  if (status === undefined || status === null) return undefined;
  const known = PROFILE_STATUSES.find((candidate) => candidate === status);
  if (known === undefined) throw new ValidationError('status', `must be one of ${PROFILE_STATUSES.join(', ')}`);
  return known;
}

/**
 * One page of the public leaderboard, optionally one status only. Rows keep their global rank under
 * a status filter; the cursor is the one the previous page returned (keyset, see README.md).
 */
export class GetLeaderboardPage {
  constructor(private readonly leaderboard: Leaderboard) {}

  async execute(input: GetLeaderboardPageInput): Promise<Page<LeaderboardRow>> {
    const limit = resolvePageLimit(input.limit);
    const status = parseStatus(input.status);
    return this.leaderboard.page({ limit, cursor: input.cursor ?? null, ...(status && { status }) });
  }
}

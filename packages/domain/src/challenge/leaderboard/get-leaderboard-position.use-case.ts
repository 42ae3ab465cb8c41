import { NotFoundError, ValidationError } from '../../shared/errors.js';
import type { Leaderboard, LeaderboardPosition } from './leaderboard.port.js';

export const DEFAULT_LEADERBOARD_NEIGHBOURS = 3;
export const MAX_LEADERBOARD_NEIGHBOURS = 10;

/** `GET /leaderboard/{github_username}?neighbours=` as plain values, unvalidated. */
export interface GetLeaderboardPositionInput {
  readonly githubUsername: string;
  /** Rows wanted on each side; default 3, at most 10. */
  readonly neighbours?: number;
}

/**
 * A participant's rank with the rows just above and below it in the full leaderboard order, so a
 * participant sees where they stand without paging from the top.
 */
export class GetLeaderboardPosition {
  constructor(private readonly leaderboard: Leaderboard) {}

  async execute(input: GetLeaderboardPositionInput): Promise<LeaderboardPosition> {
    const neighbours = input.neighbours ?? DEFAULT_LEADERBOARD_NEIGHBOURS;
    if (!Number.isInteger(neighbours) || neighbours < 0 || neighbours > MAX_LEADERBOARD_NEIGHBOURS) {
      throw new ValidationError('neighbours', `must be an integer from 0 to ${MAX_LEADERBOARD_NEIGHBOURS}`);
    }
    const position = await this.leaderboard.position(input.githubUsername, neighbours);
    if (position === null) throw new NotFoundError('leaderboard participant');
    return position;
  }
}

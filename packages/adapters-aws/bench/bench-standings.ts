import type { LeaderboardStanding, ProfileStatus } from '@hdoc/domain';
import { mix } from '../../../scripts/bench-kit.js';

/**
 * Participant `i` of a benchmark board: reproducible scores, and fixed-width fields so item sizes (which
 * DynamoDB bills capacity on, and Redis stores) do not grow with the board. `statuses` cycles by index.
 */
export function benchStanding(i: number, statuses: readonly ProfileStatus[]): LeaderboardStanding {
  const id = String(i).padStart(6, '0');
  return {
    githubUsername: `user-${id}`,
    fullName: `Participant ${id}`,
    avatarUrl: `https://avatars.githubusercontent.com/u/1${id}?v=4`,
    githubScore: mix(i, 1) % 10_001,
    twitterScore: mix(i, 2) % 10_001,
    daysCompleted: mix(i, 3) % 101,
    githubStreak: mix(i, 4) % 30,
    twitterStreak: mix(i, 5) % 30,
    status: statuses[i % statuses.length]!,
    version: 1,
  };
}

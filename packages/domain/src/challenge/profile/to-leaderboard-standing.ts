import type { LeaderboardStanding } from '../leaderboard/leaderboard.port.js';
import type { Profile } from './profile.js';

/** The one mapping from a saved profile to what the leaderboard keeps of it (including its version). */
export function toLeaderboardStanding(profile: Profile): LeaderboardStanding {
  return {
    githubUsername: profile.githubUsername,
    fullName: profile.fullName,
    avatarUrl: profile.avatarUrl,
    githubScore: profile.githubScore,
    twitterScore: profile.twitterScore,
    daysCompleted: profile.daysCompleted,
    githubStreak: profile.githubStreak,
    twitterStreak: profile.twitterStreak,
    status: profile.status,
    version: profile.version,
  };
}

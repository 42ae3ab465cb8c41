import type { LeaderboardRow } from '@hdoc/domain';
import { z } from 'zod';
import { statusEnum } from './challenge-inputs.js';

/** One participant's place on the board (the standing's version stays inside). */
export const LeaderboardRowSchema = z
  .strictObject({
    rank: z.number().int().min(1).meta({ description: '1 + participants with a strictly higher total score' }),
    github_username: z.string(),
    full_name: z.string().nullable(),
    total_score: z.number().int().min(0),
    github_score: z.number().int().min(0),
    twitter_score: z.number().int().min(0),
    days_completed: z.number().int().min(0).max(100),
    github_streak: z.number().int().min(0),
    twitter_streak: z.number().int().min(0),
    status: statusEnum,
    avatar_url: z.string().nullable().meta({ description: "The participant's GitHub avatar image URL" }),
  })
  .meta({ id: 'LeaderboardRow' });

export type LeaderboardRowJson = z.input<typeof LeaderboardRowSchema>;

/** The API's view of a leaderboard row. */
export function toLeaderboardRowJson(row: LeaderboardRow): LeaderboardRowJson {
  return {
    rank: row.rank,
    github_username: row.githubUsername,
    full_name: row.fullName,
    total_score: row.totalScore,
    github_score: row.githubScore,
    twitter_score: row.twitterScore,
    days_completed: row.daysCompleted,
    github_streak: row.githubStreak,
    twitter_streak: row.twitterStreak,
    status: row.status,
    avatar_url: row.avatarUrl,
  };
}

function rowExample(rank: number, github_username: string, full_name: string | null, github_score: number, twitter_score: number): LeaderboardRowJson {
  return {
    rank,
    github_username,
    full_name,
    total_score: github_score + twitter_score,
    github_score,
    twitter_score,
    days_completed: github_score / 10,
    github_streak: 12,
    twitter_streak: 5,
    status: 'active',
    avatar_url: `https://avatars.githubusercontent.com/${github_username}?v=4`,
  };
}

/** Three consecutive rows of the board, the examples of the leaderboard answers. */
export const LEADERBOARD_ROWS_EXAMPLE: [LeaderboardRowJson, LeaderboardRowJson, LeaderboardRowJson] = [
  rowExample(4, 'hubot', 'Hubot', 240, 95),
  rowExample(5, 'octocat', 'The Octocat', 230, 85),
  rowExample(6, 'monalisa', null, 220, 60),
];

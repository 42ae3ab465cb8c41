import type { Profile } from '@hdoc/domain';
import { z } from 'zod';
import { statusEnum } from './challenge-inputs.js';
import { instantText } from '../../http/json/instant-text.js';

/** The public profile: what anyone may read about a participant (internal bookkeeping stays inside). */
export const ProfileSchema = z
  .strictObject({
    github_username: z.string(),
    avatar_url: z.string().nullable().meta({ description: "The participant's GitHub avatar image URL, refreshed at each sign-in" }),
    full_name: z.string().nullable(),
    bio: z.string().nullable(),
    twitter_username: z.string().nullable(),
    linkedin_profile: z.string().nullable(),
    timezone: z.string().meta({ description: 'IANA timezone; "today" for streaks and status is read on its clock' }),
    status: statusEnum,
    last_entry_at: z.iso.datetime().nullable(),
    days_completed: z.number().int().min(0).max(100),
    github_entry_count: z.number().int().min(0),
    twitter_entry_count: z.number().int().min(0),
    github_score: z.number().int().min(0),
    twitter_score: z.number().int().min(0),
    github_streak: z.number().int().min(0),
    twitter_streak: z.number().int().min(0),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'Profile' });

export type ProfileJson = z.input<typeof ProfileSchema>;

/** The API's view of a profile (already projected to now by the use case). */
export function toProfileJson(profile: Profile): ProfileJson {
  return {
    github_username: profile.githubUsername,
    avatar_url: profile.avatarUrl,
    full_name: profile.fullName,
    bio: profile.bio,
    twitter_username: profile.twitterUsername,
    linkedin_profile: profile.linkedinProfile,
    timezone: profile.timezone,
    status: profile.status,
    last_entry_at: profile.lastEntryAt ? instantText(profile.lastEntryAt) : null,
    days_completed: profile.daysCompleted,
    github_entry_count: profile.githubEntryCount,
    twitter_entry_count: profile.twitterEntryCount,
    github_score: profile.githubScore,
    twitter_score: profile.twitterScore,
    github_streak: profile.githubStreak,
    twitter_streak: profile.twitterStreak,
    created_at: instantText(profile.createdAt),
    updated_at: instantText(profile.updatedAt),
  };
}

/** An active participant a few weeks in, the example of every profile answer. */
export const PROFILE_EXAMPLE = {
  github_username: 'octocat',
  avatar_url: 'https://avatars.githubusercontent.com/u/583231?v=4',
  full_name: 'The Octocat',
  bio: 'Shipping something small every day.',
  twitter_username: 'octocat',
  linkedin_profile: 'https://www.linkedin.com/in/octocat',
  timezone: 'Europe/Paris',
  status: 'active',
  last_entry_at: '2024-11-30T08:15:02.447Z',
  days_completed: 23,
  github_entry_count: 23,
  twitter_entry_count: 17,
  github_score: 230,
  twitter_score: 85,
  github_streak: 12,
  twitter_streak: 5,
  created_at: '2024-11-01T18:22:09.031Z',
  updated_at: '2024-11-30T08:15:02.447Z',
} satisfies ProfileJson;

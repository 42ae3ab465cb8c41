import { deriveProgress, progressAt, type ProfileProgress } from '../progress/derive-progress.js';
import { DEFAULT_TIMEZONE } from './timezone.js';

/** A participant's editable fields. */
export interface ProfileDetails {
  readonly fullName: string | null;
  readonly bio: string | null;
  /** Without the leading @. */
  readonly twitterUsername: string | null;
  readonly linkedinProfile: string | null;
  /** Canonical IANA name; "today" for streaks and status is read on this wall clock. */
  readonly timezone: string;
}

/**
 * A 100DaysOfCloud participant, keyed by GitHub username (case-insensitively, spelled as GitHub returns
 * it). The progress fields are derived from the entries by `deriveProgress` and stored with the profile.
 */
export interface Profile extends ProfileDetails, ProfileProgress {
  readonly githubUsername: string;
  /**
   * GitHub's numeric user id: the participant's identity (sign-in matches on it, a rename keeps it).
   * Null only for a profile created without a GitHub sign-in (seeded data); the first sign-in with its
   * login claims it.
   */
  readonly githubId: number | null;
  /** GitHub's avatar image URL, refreshed at every sign-in (not editable). */
  readonly avatarUrl: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Bumped by every save; ProfileRepository.save is conditional on it (optimistic concurrency). */
  readonly version: number;
}

/** What a new profile starts with besides the username: the GitHub data, already validated. */
export type NewProfileDetails = Partial<Omit<ProfileDetails, 'timezone'>> & {
  readonly timezone?: string;
  readonly githubId?: number | null;
  readonly avatarUrl?: string | null;
};

/** A participant with no entries, at version 1, in UTC unless told otherwise. */
export function createProfile(githubUsername: string, details: NewProfileDetails, now: Date): Profile {
  const timezone = details.timezone ?? DEFAULT_TIMEZONE;
  return {
    githubUsername,
    githubId: details.githubId ?? null,
    avatarUrl: details.avatarUrl ?? null,
    fullName: details.fullName ?? null,
    bio: details.bio ?? null,
    twitterUsername: details.twitterUsername ?? null,
    linkedinProfile: details.linkedinProfile ?? null,
    timezone,
    ...deriveProgress([], { timezone, createdAt: now, completed: false }, now),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/**
 * The profile as it reads at `now`: streaks and status move with time even without writes (a streak
 * breaks at the end of the next local day, a participant turns inactive), so every read goes through
 * this projection; it applies the rules of `deriveProgress` to the stored summary, and gives the next
 * transition instant from `now`. The stored fields stay as of the last write or sweep.
 */
export function projectProfile(profile: Profile, now: Date): Profile {
  const context = { timezone: profile.timezone, createdAt: profile.createdAt, completed: profile.status === 'completed' };
  return { ...profile, ...progressAt(profile, context, now) };
}

/**
 * Whether time has changed the profile since it was stored: its next transition instant has come, so
 * `projectProfile` at `now` differs from what is stored (SweepTimeTransitions applies it).
 */
export function isTransitionDue(profile: Pick<Profile, 'nextTransitionAt'>, now: Date): boolean {
  return profile.nextTransitionAt !== null && profile.nextTransitionAt.getTime() <= now.getTime();
}

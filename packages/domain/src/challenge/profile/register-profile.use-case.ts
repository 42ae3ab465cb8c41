import type { Clock } from '../../shared/clock.port.js';
import { ValidationError } from '../../shared/errors.js';
import { withOptimisticRetry } from '../../shared/optimistic-retry.js';
import type { Leaderboard } from '../leaderboard/leaderboard.port.js';
import { parseGithubUsername } from '../participant/github-username.js';
import { createProfile, projectProfile, type Profile } from './profile.js';
import { parseBio, parseFullName, parseTwitterUsername } from './profile-fields.js';
import type { ProfileRepository } from './profile-repository.port.js';
import { toLeaderboardStanding } from './to-leaderboard-standing.js';

export interface RegisterProfileInput {
  githubUsername: string;
  fullName?: string | null;
  bio?: string | null;
  twitterUsername?: string | null;
}

export interface RegisterProfileOutput {
  profile: Profile;
  created: boolean;
}

/** GitHub's data is not ours to reject: a field our rules refuse (e.g. a 200-character name) is left empty. */
function nullIfInvalid<T>(parse: (value: unknown) => T | null, value: unknown): T | null {
  try {
    return parse(value);
  } catch (error) {
    if (error instanceof ValidationError) return null;
    throw error;
  }
}

/**
 * Creates a participant's profile from a verified GitHub identity, on first sign-in, and puts them on the
 * leaderboard. Idempotent: an existing username (any case) is returned unchanged with created=false, so
 * the GitHub data of a later sign-in never overwrites what the participant edited since.
 */
export class RegisterProfile {
  constructor(
    private readonly profiles: ProfileRepository,
    private readonly leaderboard: Leaderboard,
    private readonly clock: Clock,
  ) {}

  async execute(input: RegisterProfileInput): Promise<RegisterProfileOutput> {
    const githubUsername = parseGithubUsername(input.githubUsername);
    const details = {
      fullName: nullIfInvalid(parseFullName, input.fullName),
      bio: nullIfInvalid(parseBio, input.bio),
      twitterUsername: nullIfInvalid(parseTwitterUsername, input.twitterUsername),
    };
    // Two first sign-ins may race: the loser's save is stale, and its next round returns the winner's profile.
    return withOptimisticRetry(`profile ${githubUsername}`, async () => {
      const existing = await this.profiles.get(githubUsername);
      const now = this.clock.now();
      if (existing !== null) {
        // Re-upserting repairs a board left behind by an earlier registration that failed after saving.
        await this.leaderboard.upsert(toLeaderboardStanding(existing));
        return { profile: projectProfile(existing, now), created: false };
      }
      const profile = createProfile(githubUsername, details, now);
      await this.profiles.save(profile, null);
      await this.leaderboard.upsert(toLeaderboardStanding(profile));
      return { profile, created: true };
    });
  }
}

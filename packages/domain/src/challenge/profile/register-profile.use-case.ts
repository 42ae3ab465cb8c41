import type { Clock } from '../../shared/clock.port.js';
import { ValidationError } from '../../shared/errors.js';
import { withOptimisticRetry } from '../../shared/optimistic-retry.js';
import type { Leaderboard } from '../leaderboard/leaderboard.port.js';
import type { EntryRepository } from '../entry/entry-repository.port.js';
import type { ParticipantProgressStore } from '../progress/participant-progress-store.port.js';
import { parseGithubId } from '../participant/github-id.js';
import { githubUsernameKey, parseGithubUsername } from '../participant/github-username.js';
import { moveProfile, type ParticipantStores } from './move-profile.js';
import { createProfile, projectProfile, type Profile } from './profile.js';
import { parseAvatarUrl, parseBio, parseFullName, parseTwitterUsername } from './profile-fields.js';
import type { ProfileRepository } from './profile-repository.port.js';
import { toLeaderboardStanding } from './to-leaderboard-standing.js';

export interface RegisterProfileInput {
  githubUsername: string;
  /**
   * GitHub's numeric user id: when given (every GitHub sign-in), the profile is found by it, so a renamed
   * account keeps its profile and a reused name never inherits one. Absent only for seeded profiles.
   */
  githubId?: number;
  /** Refreshed on every sign-in with an id (not editable). */
  avatarUrl?: string | null;
  fullName?: string | null;
  bio?: string | null;
  twitterUsername?: string | null;
  /**
   * Called with each username this registration takes away from a profile (see `retiredLogins`), right
   * after the move and before the name can lead to anyone else: the caller ends the sessions opened under it.
   */
  onLoginRetired?: (githubUsername: string) => Promise<void>;
}

export interface RegisterProfileOutput {
  profile: Profile;
  created: boolean;
  /**
   * Usernames (as stored) this registration took away from a profile: the participant's own previous
   * login after a GitHub rename, and the former holder of a reused login. Sessions opened under them
   * name a login that no longer leads to their profile, so the caller ends them.
   */
  retiredLogins: readonly string[];
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
 * The username a released profile moves to: never a GitHub login (`~` is not allowed in one), so no
 * sign-in can claim it and no public path reads it; unique per GitHub id.
 */
export function releasedUsername(profile: Pick<Profile, 'githubId' | 'githubUsername'>): string {
  return `released~${profile.githubId ?? githubUsernameKey(profile.githubUsername)}`;
}

/**
 * Creates or finds a participant's profile from a verified GitHub identity, at every sign-in. With a
 * GitHub id (every sign-in):
 * - the profile holding that id is the participant's: when the login changed (a GitHub rename), the profile,
 *   its entries and its standing move to the new login; the avatar follows GitHub;
 * - a profile holding the login under ANOTHER id belonged to the account that had the name before (GitHub
 *   frees a name on rename): it is released (moved to `releasedUsername`, off the leaderboard, unreadable by
 *   name) and gets its owner's new login back at their next sign-in; it is never inherited;
 * - a profile holding the login without any id (seeded) is claimed by the first sign-in with that login;
 * - otherwise a profile is created and put on the leaderboard.
 * The GitHub data of a later sign-in never overwrites what the participant edited since (only the
 * username spelling and the avatar follow GitHub).
 */
export class RegisterProfile {
  private readonly stores: ParticipantStores;

  constructor(
    private readonly profiles: ProfileRepository,
    entries: EntryRepository,
    private readonly leaderboard: Leaderboard,
    private readonly progress: ParticipantProgressStore,
    private readonly clock: Clock,
  ) {
    this.stores = { profiles, entries, leaderboard };
  }

  async execute(input: RegisterProfileInput): Promise<RegisterProfileOutput> {
    const githubUsername = parseGithubUsername(input.githubUsername);
    const githubId = input.githubId === undefined ? null : parseGithubId(input.githubId);
    const details = {
      fullName: nullIfInvalid(parseFullName, input.fullName),
      bio: nullIfInvalid(parseBio, input.bio),
      twitterUsername: nullIfInvalid(parseTwitterUsername, input.twitterUsername),
      githubId,
      avatarUrl: nullIfInvalid(parseAvatarUrl, input.avatarUrl),
    };
    const retired = new Set<string>();
    // Two first sign-ins may race: the loser's save is stale, and its next round finds the winner's profile.
    const result = await withOptimisticRetry(`profile ${githubUsername}`, async () => {
      const mine = githubId === null ? null : await this.profiles.getByGithubId(githubId, githubUsername);
      const now = this.clock.now();
      if (mine !== null && sameLogin(mine.githubUsername, githubUsername)) {
        return { profile: projectProfile(await this.refresh(mine, githubUsername, details.avatarUrl, now), now), created: false };
      }
      const holder = await this.profiles.get(githubUsername);
      if (holder !== null && githubId !== null && holder.githubId === githubId) {
        // Our own profile, moved to this login by a concurrent sign-in (another tab) since `mine` was read.
        return { profile: projectProfile(await this.refresh(holder, githubUsername, details.avatarUrl, now), now), created: false };
      }
      if (holder !== null && githubId === null) {
        // Re-upserting repairs a board left behind by an earlier registration that failed after saving.
        await this.leaderboard.upsert(toLeaderboardStanding(holder));
        return { profile: projectProfile(holder, now), created: false };
      }
      if (holder !== null && holder.githubId === null && mine === null) {
        const claimed = projectProfile({ ...holder, githubId, avatarUrl: details.avatarUrl, updatedAt: now, version: holder.version + 1 }, now);
        await this.profiles.save(claimed, holder.version);
        await this.leaderboard.upsert(toLeaderboardStanding(claimed));
        return { profile: projectProfile(claimed, now), created: false };
      }
      if (holder !== null) {
        // Parked off the board with no transition due, so the sweep never puts it back there.
        const released = { ...holder, githubUsername: releasedUsername(holder), nextTransitionAt: null, updatedAt: now, version: holder.version + 1 };
        await moveProfile(this.stores, holder, released, false);
        retired.add(holder.githubUsername);
        await input.onLoginRetired?.(holder.githubUsername);
      }
      if (mine !== null) {
        const renamed = await this.refresh(mine, githubUsername, details.avatarUrl, now);
        retired.add(mine.githubUsername);
        await input.onLoginRetired?.(mine.githubUsername);
        return { profile: projectProfile(renamed, now), created: false };
      }
      const profile = createProfile(githubUsername, details, now);
      // The profile and its first standing in one write.
      await this.progress.write({ basis: null, profile });
      return { profile, created: true };
    });
    return { ...result, retiredLogins: [...retired] };
  }

  /**
   * The participant's profile with GitHub's current login and avatar: moved when the login changed (in
   * any way, case included), saved when only the avatar did, upserted on the board in every case.
   */
  private async refresh(mine: Profile, githubUsername: string, avatarUrl: string | null, now: Date): Promise<Profile> {
    if (mine.githubUsername === githubUsername && mine.avatarUrl === avatarUrl) {
      await this.leaderboard.upsert(toLeaderboardStanding(mine));
      return mine;
    }
    const next = projectProfile({ ...mine, githubUsername, avatarUrl, updatedAt: now, version: mine.version + 1 }, now);
    if (mine.githubUsername === githubUsername) {
      await this.profiles.save(next, mine.version);
      await this.leaderboard.upsert(toLeaderboardStanding(next));
    } else {
      await moveProfile(this.stores, mine, next, true);
    }
    return next;
  }
}

function sameLogin(a: string, b: string): boolean {
  return githubUsernameKey(a) === githubUsernameKey(b);
}

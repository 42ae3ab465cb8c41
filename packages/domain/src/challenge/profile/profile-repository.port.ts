import { token } from '../../shared/token.js';
import type { Profile } from './profile.js';

/**
 * Stores profiles keyed by GitHub username, case-insensitively, with a unique index on GitHub's numeric
 * id (`githubId`, when set) and optimistic concurrency on `version`. A DynamoDB adapter keeps the profile
 * item and one id item per profile, and writes both in one transaction in `save` and `rename`.
 */
export interface ProfileRepository {
  /** The profile whose username equals `githubUsername` ignoring case, or null. */
  get(githubUsername: string): Promise<Profile | null>;
  /**
   * The profile of the GitHub account with this numeric id, or null. `likelyUsername` (the login GitHub
   * just returned) lets an adapter read that profile in the same call as the id: right unless the account
   * was renamed, when the adapter reads the profile the id names instead. It never changes the answer.
   */
  getByGithubId(githubId: number, likelyUsername?: string): Promise<Profile | null>;
  /**
   * Stores `profile` under its username if the stored version is `expectedVersion` (null: only if no
   * profile has that username in any case) and its `githubId` (when set) belongs to no other profile.
   * Otherwise throws StaleWriteError and stores nothing. The caller sets `profile.version` to
   * `expectedVersion + 1` (1 for a new profile).
   */
  save(profile: Profile, expectedVersion: number | null): Promise<void>;
  /**
   * Atomically moves the profile stored under `fromUsername` (at `expectedVersion`) to
   * `profile.githubUsername`: afterwards `get(fromUsername)` answers null (unless only the case changed)
   * and `get(profile.githubUsername)` and `getByGithubId` answer `profile`. Throws StaleWriteError and
   * changes nothing when the stored version differs, the new username is held by another profile, or
   * the id belongs to another profile. The caller sets `profile.version` to `expectedVersion + 1`.
   */
  rename(fromUsername: string, profile: Profile, expectedVersion: number): Promise<void>;
  /**
   * At most `limit` profiles whose `nextTransitionAt` is at or before `dueBy` (never one whose instant
   * is null), earliest instant first, ties by lower-cased username. Served by an index on that instant,
   * so its cost grows with `limit`, not with the number of profiles. A DynamoDB adapter may read a
   * sparse index that lags the table: a profile it lists may be due no more, which the caller re-checks.
   */
  listTransitionDue(dueBy: Date, limit: number): Promise<readonly Profile[]>;
}

export const ProfileRepositoryToken = token<ProfileRepository>('ProfileRepository');

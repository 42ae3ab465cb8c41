import { token } from '../../shared/token.js';
import type { Profile } from './profile.js';

/** Stores profiles keyed by GitHub username, case-insensitively, with optimistic concurrency on `version`. */
export interface ProfileRepository {
  /** The profile whose username equals `githubUsername` ignoring case, or null. */
  get(githubUsername: string): Promise<Profile | null>;
  /**
   * Stores `profile` if the stored version is `expectedVersion` (null: only if no profile has that
   * username in any case). Otherwise throws StaleWriteError and stores nothing. The caller sets
   * `profile.version` to `expectedVersion + 1` (1 for a new profile).
   */
  save(profile: Profile, expectedVersion: number | null): Promise<void>;
}

export const ProfileRepositoryToken = token<ProfileRepository>('ProfileRepository');

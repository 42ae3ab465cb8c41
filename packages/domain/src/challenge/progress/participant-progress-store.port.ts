import { token } from '../../shared/token.js';
import type { Entry } from '../entry/entry.js';
import type { LeaderboardStanding } from '../leaderboard/leaderboard.port.js';
import type { Profile } from '../profile/profile.js';
import type { SubmissionWindow } from '../entry/submission-quota.js';

/** Everything one write of a participant's progress is derived from, read together. */
export interface ParticipantProgress {
  readonly profile: Profile;
  /** All the participant's entries, in EntryRepository order (day, then github before twitter). */
  readonly entries: readonly Entry[];
  /** Entry submissions counted in the participant's current quota window; null before the first. */
  readonly submissions: SubmissionWindow | null;
  /**
   * The standing the leaderboard holds for the participant (null: none), when the store keeps the board
   * beside the profile and reads it in the same call; undefined when the board lives elsewhere. Only the
   * store that returned it reads it back (in `write`).
   */
  readonly standing?: LeaderboardStanding | null;
}

/** An entry written with a profile, if its stored revision is still `expectedRevision` (null: no entry yet). */
export interface EntryWrite {
  readonly entry: Entry;
  readonly expectedRevision: number | null;
}

/** One write of a participant's progress: the profile, and optionally an entry and the submission count. */
export interface ProgressChange {
  /** The read the change was derived from (null: a new participant, whose username must be free). */
  readonly basis: ParticipantProgress | null;
  /** The profile to store: `version` = the basis profile's + 1 (1 when new). */
  readonly profile: Profile;
  readonly entry?: EntryWrite;
  readonly submissions?: SubmissionWindow;
}

/**
 * A participant's profile, entries, submission count and leaderboard standing as one unit: the write
 * path of every use case that changes progress (ProfileProgressWriter). `read` brings what a write needs
 * in one call where the technology allows (a DynamoDB adapter keeps them in one partition), and `write`
 * stores the change and moves the standing to `toLeaderboardStanding(change.profile)`.
 */
export interface ParticipantProgressStore {
  /** The participant's profile (by username, case-insensitively) with its entries and count; null when there is no profile. */
  read(githubUsername: string): Promise<ParticipantProgress | null>;
  /**
   * Stores the change if the basis profile's version is still stored (a new profile: if no profile has
   * its username or GitHub id) and the entry's revision is as expected; otherwise throws StaleWriteError,
   * and the profile and entry are as they were. The entry, profile and count are stored together or not at
   * all; the standing follows in the same write where the board lives in the same store, else right after
   * (a board left behind by a crash in between is repaired by the participant's next write).
   */
  write(change: ProgressChange): Promise<void>;
}

export const ParticipantProgressStoreToken = token<ParticipantProgressStore>('ParticipantProgressStore');

import type { EntryRepository } from '../entry/entry-repository.port.js';
import type { Leaderboard } from '../leaderboard/leaderboard.port.js';
import type { Profile } from './profile.js';
import type { ProfileRepository } from './profile-repository.port.js';
import { toLeaderboardStanding } from './to-leaderboard-standing.js';

/** The stores a participant's username keys. */
export interface ParticipantStores {
  readonly profiles: ProfileRepository;
  readonly entries: EntryRepository;
  readonly leaderboard: Leaderboard;
}

/**
 * Moves a participant from `stored.githubUsername` to `next.githubUsername` in every store the username
 * keys: entries, then the profile (conditional on the version read; StaleWriteError when another writer
 * won), then the leaderboard standing (`onBoard` false takes it off the board: a released profile).
 * Entries move first so that an interrupted move leaves the profile under its old name, where the next
 * sign-in finds it and runs the move again (each step is idempotent).
 */
export async function moveProfile(stores: ParticipantStores, stored: Profile, next: Profile, onBoard: boolean): Promise<void> {
  await stores.entries.moveParticipant(stored.githubUsername, next.githubUsername);
  await stores.profiles.rename(stored.githubUsername, next, stored.version);
  await stores.leaderboard.remove(stored.githubUsername);
  if (onBoard) await stores.leaderboard.upsert(toLeaderboardStanding(next));
}

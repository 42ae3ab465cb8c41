import {
  githubUsernameKey,
  StaleWriteError,
  toLeaderboardStanding,
  type Leaderboard,
  type ParticipantProgress,
  type ParticipantProgressStore,
  type ProgressChange,
  type SubmissionWindow,
} from '@hdoc/domain';
import type { MemoryEntryRepository } from '../entry/memory-entry-repository.js';
import type { MemoryProfileRepository } from '../profile/memory-profile-repository.js';

/**
 * ParticipantProgressStore over the memory profile and entry repositories (the same instances the
 * other use cases read) and a leaderboard, with the submission counts in a Map by lower-cased username.
 * A write checks the profile version and entry revision, then applies both with no await in between,
 * so it is all or nothing, as a DynamoDB transaction is; the board follows.
 */
export class MemoryParticipantProgressStore implements ParticipantProgressStore {
  /** By lower-cased username, with the creation instant of the profile counted (a reused name starts afresh). */
  private readonly submissions = new Map<string, { readonly window: SubmissionWindow; readonly profileCreatedAt: number }>();

  constructor(
    private readonly profiles: MemoryProfileRepository,
    private readonly entries: MemoryEntryRepository,
    private readonly leaderboard: Leaderboard,
  ) {}

  async read(githubUsername: string): Promise<ParticipantProgress | null> {
    const profile = await this.profiles.get(githubUsername);
    if (profile === null) return null;
    const counted = this.submissions.get(githubUsernameKey(profile.githubUsername));
    const mine = counted !== undefined && counted.profileCreatedAt === profile.createdAt.getTime();
    return {
      profile,
      entries: await this.entries.listByParticipant(profile.githubUsername),
      submissions: mine ? { ...counted.window } : null,
    };
  }

  async write(change: ProgressChange): Promise<void> {
    const { profile, entry } = change;
    const what = `profile ${profile.githubUsername}`;
    if (change.basis === null) {
      await this.profiles.save(profile, null);
      // Any standing under the name is one a moved-away profile left behind (a move interrupted before its
      // board removal): it is nobody's, and a newer version of it would keep this one off the board.
      await this.leaderboard.remove(profile.githubUsername);
    } else {
      if (this.profiles.versionOf(profile.githubUsername) !== change.basis.profile.version) throw new StaleWriteError(what);
      if (entry !== undefined && this.entries.revisionOf(entry.entry) !== entry.expectedRevision) throw new StaleWriteError(what);
      // Both conditions hold: each call below applies its write before returning, so nothing interleaves.
      await Promise.all([
        ...(entry === undefined ? [] : [this.entries.put(entry.entry, entry.expectedRevision)]),
        this.profiles.save(profile, change.basis.profile.version),
      ]);
    }
    if (change.submissions !== undefined) {
      this.submissions.set(githubUsernameKey(profile.githubUsername), { window: { ...change.submissions }, profileCreatedAt: profile.createdAt.getTime() });
    }
    await this.leaderboard.upsert(toLeaderboardStanding(profile));
  }
}

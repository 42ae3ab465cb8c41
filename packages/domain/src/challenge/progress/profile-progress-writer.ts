import type { Clock } from '../../shared/clock.port.js';
import { NotFoundError } from '../../shared/errors.js';
import { withOptimisticRetry } from '../../shared/optimistic-retry.js';
import type { EntryRepository } from '../entry/entry-repository.port.js';
import type { Leaderboard } from '../leaderboard/leaderboard.port.js';
import { projectProfile, type Profile, type ProfileDetails } from '../profile/profile.js';
import type { ProfileRepository } from '../profile/profile-repository.port.js';
import { toLeaderboardStanding } from '../profile/to-leaderboard-standing.js';
import { deriveProgress } from './derive-progress.js';

/** Fields that say when or how often a profile was saved rather than what it holds. */
const BOOKKEEPING: ReadonlySet<string> = new Set(['updatedAt', 'version']);

function sameContent(a: Profile, b: Profile): boolean {
  return (Object.keys(a) as (keyof Profile)[]).every((key) => {
    if (BOOKKEEPING.has(key)) return true;
    const [x, y] = [a[key], b[key]];
    return x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : x === y;
  });
}

/**
 * The one write path of a profile: re-derives its progress from ALL its entries (optionally applying an
 * edit of its details), saves it conditionally on the version it read, retries on a lost race, then
 * upserts its leaderboard standing. Every use case that changes entries or details ends here, so the
 * profile and the board never disagree with the entries after a write, whatever the interleaving.
 */
export class ProfileProgressWriter {
  constructor(
    private readonly profiles: ProfileRepository,
    private readonly entries: EntryRepository,
    private readonly leaderboard: Leaderboard,
    private readonly clock: Clock,
  ) {}

  /** Returns the profile as saved (or as it was, when nothing changed). NotFoundError if there is none. */
  async write(githubUsername: string, edit?: Partial<ProfileDetails>): Promise<Profile> {
    return withOptimisticRetry(`profile ${githubUsername}`, async () => {
      // The profile is read BEFORE the entries: a concurrent entry write that this read misses then
      // comes with a profile save of its own, which makes our conditional save fail and re-read.
      const stored = await this.profiles.get(githubUsername);
      if (stored === null) throw new NotFoundError('profile');
      const entries = await this.entries.listByParticipant(stored.githubUsername);
      const now = this.clock.now();
      const edited: Profile = { ...stored, ...edit };
      const context = { timezone: edited.timezone, createdAt: stored.createdAt, completed: stored.status === 'completed' };
      const next: Profile = { ...edited, ...deriveProgress(entries, context, now) };
      if (sameContent(next, stored)) {
        // Still upserted: it repairs a board left behind by a writer that failed between its two writes.
        await this.leaderboard.upsert(toLeaderboardStanding(stored));
        return stored;
      }
      // Only time changed it (what SweepTimeTransitions also applies): that is no write of the
      // participant's, so updatedAt stays, whichever of the two gets there first.
      const updatedAt = sameContent(next, projectProfile(stored, now)) ? stored.updatedAt : now;
      const saved: Profile = { ...next, updatedAt, version: stored.version + 1 };
      await this.profiles.save(saved, stored.version);
      await this.leaderboard.upsert(toLeaderboardStanding(saved));
      return saved;
    });
  }
}

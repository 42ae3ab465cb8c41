import type { Clock } from '../../shared/clock.port.js';
import { NotFoundError } from '../../shared/errors.js';
import { withOptimisticRetry } from '../../shared/optimistic-retry.js';
import type { Entry } from '../entry/entry.js';
import type { SubmissionWindow } from '../entry/submission-quota.js';
import type { Leaderboard } from '../leaderboard/leaderboard.port.js';
import { projectProfile, type Profile, type ProfileDetails } from '../profile/profile.js';
import { toLeaderboardStanding } from '../profile/to-leaderboard-standing.js';
import { deriveProgress } from './derive-progress.js';
import type { EntryWrite, ParticipantProgress, ParticipantProgressStore } from './participant-progress-store.port.js';

/** Fields that say when or how often a profile was saved rather than what it holds. */
const BOOKKEEPING: ReadonlySet<string> = new Set(['updatedAt', 'version']);

function sameContent(a: Profile, b: Profile): boolean {
  return (Object.keys(a) as (keyof Profile)[]).every((key) => {
    if (BOOKKEEPING.has(key)) return true;
    const [x, y] = [a[key], b[key]];
    return x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : x === y;
  });
}

/** What a use case changes in one progress write, decided from what was read; `result` is handed back. */
export interface ProgressPlan<T> {
  readonly details?: Partial<ProfileDetails>;
  readonly entry?: EntryWrite;
  readonly submissions?: SubmissionWindow;
  readonly result: T;
}

/** The entries as they are once `write` is stored. */
function entriesAfter(entries: readonly Entry[], write: EntryWrite | undefined): readonly Entry[] {
  if (write === undefined) return entries;
  const { day, entryType } = write.entry;
  const others = entries.filter((entry) => entry.day !== day || entry.entryType !== entryType);
  return [...others, write.entry];
}

/**
 * The one write path of a profile: reads the participant (profile, entries, submission count), lets the
 * caller plan its change from that read, re-derives the progress from ALL the entries as they will be,
 * and writes the entry, profile, count and standing together, conditionally on the version read; a lost
 * race reads and plans again. Every use case that changes entries or details ends here, so the profile
 * and the board never disagree with the entries after a write, whatever the interleaving.
 */
export class ProfileProgressWriter {
  constructor(
    private readonly store: ParticipantProgressStore,
    private readonly leaderboard: Leaderboard,
    private readonly clock: Clock,
  ) {}

  /**
   * Returns the profile as saved (or as it was, when nothing changed) and the plan's result.
   * NotFoundError if there is no profile. The plan runs once per attempt, on a fresh read.
   */
  async write<T>(githubUsername: string, plan: (read: ParticipantProgress, now: Date) => ProgressPlan<T>): Promise<{ profile: Profile; result: T }> {
    return withOptimisticRetry(`profile ${githubUsername}`, async () => {
      const read = await this.store.read(githubUsername);
      if (read === null) throw new NotFoundError('profile');
      const now = this.clock.now();
      const change = plan(read, now);
      const stored = read.profile;
      const edited: Profile = { ...stored, ...change.details };
      const context = { timezone: edited.timezone, createdAt: stored.createdAt, completed: stored.status === 'completed' };
      const next: Profile = { ...edited, ...deriveProgress(entriesAfter(read.entries, change.entry), context, now) };
      if (sameContent(next, stored) && change.entry === undefined && change.submissions === undefined) {
        // Still upserted: it repairs a board left behind by a writer that failed between its writes.
        await this.leaderboard.upsert(toLeaderboardStanding(stored));
        return { profile: stored, result: change.result };
      }
      // Only time changed it (what SweepTimeTransitions also applies), or only an entry's url or the count
      // did: no change of the participant's profile, so updatedAt stays.
      const updatedAt = sameContent(next, projectProfile(stored, now)) ? stored.updatedAt : now;
      const saved: Profile = { ...next, updatedAt, version: stored.version + 1 };
      await this.store.write({
        basis: read,
        profile: saved,
        ...(change.entry !== undefined && { entry: change.entry }),
        ...(change.submissions !== undefined && { submissions: change.submissions }),
      });
      return { profile: saved, result: change.result };
    });
  }
}

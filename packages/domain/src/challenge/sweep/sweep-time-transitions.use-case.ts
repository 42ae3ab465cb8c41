import type { Clock } from '../../shared/clock.port.js';
import { withOptimisticRetry } from '../../shared/optimistic-retry.js';
import { MAX_PAGE_LIMIT, resolvePageLimit } from '../../shared/page.js';
import type { Entry } from '../entry/entry.js';
import type { EntryRepository } from '../entry/entry-repository.port.js';
import type { Leaderboard } from '../leaderboard/leaderboard.port.js';
import { githubUsernameKey } from '../participant/github-username.js';
import { isTransitionDue, projectProfile, type Profile } from '../profile/profile.js';
import type { ProfileRepository } from '../profile/profile-repository.port.js';
import { toLeaderboardStanding } from '../profile/to-leaderboard-standing.js';
import { requeueAtAfter } from '../verification/verification-requeue.js';
import type { VerificationQueue } from '../verification/verification-queue.port.js';

export interface SweepTimeTransitionsInput {
  /** How many profiles (and entries) one repository read returns: 1..100, default 100. */
  batchSize?: number;
}

export interface SweepTimeTransitionsOutput {
  /** Profiles whose streaks, status or next transition were brought up to now (saved and re-ranked). */
  profilesTransitioned: number;
  /** Entries still pending verification that were queued again. */
  entriesRequeued: number;
}

/** Due items of one kind: read in batches until a batch comes back short or brings nothing new. */
async function drain<T>(
  list: (limit: number) => Promise<readonly T[]>,
  identify: (item: T) => string,
  apply: (item: T) => Promise<boolean>,
  batchSize: number,
): Promise<number> {
  const seen = new Set<string>();
  let applied = 0;
  for (;;) {
    const batch = await list(batchSize);
    // An index that lags its table (a DynamoDB GSI) may list again what was just handled: stop there
    // rather than spin; the next sweep finds whatever is still due.
    const fresh = batch.filter((item) => !seen.has(identify(item)));
    for (const item of fresh) {
      seen.add(identify(item));
      if (await apply(item)) applied += 1;
    }
    if (batch.length < batchSize || fresh.length === 0) return applied;
  }
}

/**
 * Applies what the passing of time changed since the last writes, reading only what is due (run every
 * few minutes by a scheduler):
 * - each profile whose next transition instant has come is projected to now (streaks lapse, a quiet
 *   participant turns inactive), saved on the version read (retried on a lost race) and re-upserted on
 *   the leaderboard, so the board and the status filter agree with profile reads;
 * - each entry still pending verification 15 minutes after it was last queued is queued again (then its
 *   next re-queue is set 15 minutes on), so a lost queue message never strands it.
 * Idempotent: a second run at the same instant finds nothing due and changes nothing.
 */
export class SweepTimeTransitions {
  constructor(
    private readonly profiles: ProfileRepository,
    private readonly entries: EntryRepository,
    private readonly leaderboard: Leaderboard,
    private readonly queue: VerificationQueue,
    private readonly clock: Clock,
  ) {}

  async execute(input: SweepTimeTransitionsInput = {}): Promise<SweepTimeTransitionsOutput> {
    const batchSize = resolvePageLimit(input.batchSize ?? MAX_PAGE_LIMIT, 'batch_size');
    const now = this.clock.now();
    const profilesTransitioned = await drain(
      (limit) => this.profiles.listTransitionDue(now, limit),
      (profile) => githubUsernameKey(profile.githubUsername),
      (profile) => this.transition(profile, now),
      batchSize,
    );
    const entriesRequeued = await drain(
      (limit) => this.entries.listRequeueDue(now, limit),
      (entry) => `${githubUsernameKey(entry.githubUsername)}#${entry.day}#${entry.entryType}`,
      (entry) => this.requeue(entry, now),
      batchSize,
    );
    return { profilesTransitioned, entriesRequeued };
  }

  /** Saves the profile as of `now` unless it is due no more (a writer got there first, or it is gone). */
  private async transition(listed: Profile, now: Date): Promise<boolean> {
    let candidate: Profile | null = listed;
    return withOptimisticRetry(`profile ${listed.githubUsername}`, async () => {
      const stored = candidate ?? (await this.profiles.get(listed.githubUsername));
      candidate = null;
      if (stored === null || !isTransitionDue(stored, now)) return false;
      // updatedAt stays: it records the participant's writes, and time passing is not one.
      const saved: Profile = { ...projectProfile(stored, now), version: stored.version + 1 };
      await this.profiles.save(saved, stored.version);
      await this.leaderboard.upsert(toLeaderboardStanding(saved));
      return true;
    });
  }

  /** Queues the entry again, then moves its next re-queue on; a crash in between only queues it twice. */
  private async requeue(listed: Entry, now: Date): Promise<boolean> {
    let candidate: Entry | null = listed;
    return withOptimisticRetry(`entry ${listed.githubUsername} day ${listed.day} ${listed.entryType}`, async () => {
      const stored = candidate ?? (await this.entries.get(listed));
      candidate = null;
      if (stored === null || stored.requeueAt === null || stored.requeueAt.getTime() > now.getTime()) return false;
      await this.queue.enqueue({ githubUsername: stored.githubUsername, day: stored.day, entryType: stored.entryType, url: stored.url });
      await this.entries.put({ ...stored, requeueAt: requeueAtAfter(now), revision: stored.revision + 1 }, stored.revision);
      return true;
    });
  }
}

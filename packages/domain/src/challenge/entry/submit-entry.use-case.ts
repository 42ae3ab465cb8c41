import type { Clock } from '../../shared/clock.port.js';
import { NotFoundError } from '../../shared/errors.js';
import { withOptimisticRetry } from '../../shared/optimistic-retry.js';
import type { Principal } from '../../shared/principal.js';
import type { ActionThrottle } from '../../identity/rate-limit/action-throttle.js';
import type { Leaderboard } from '../leaderboard/leaderboard.port.js';
import { participantLogin } from '../participant/participant-login.js';
import { localDateOf } from '../progress/local-date.js';
import { ProfileProgressWriter } from '../progress/profile-progress-writer.js';
import type { ProfileRepository } from '../profile/profile-repository.port.js';
import type { VerificationQueue } from '../verification/verification-queue.port.js';
import { requeueAtAfter } from '../verification/verification-requeue.js';
import { verificationStateOf } from '../verification/verification-state.js';
import type { Entry } from './entry.js';
import { parseDay, parseEntryType, parseEntryUrl } from './entry-fields.js';
import type { EntryRepository } from './entry-repository.port.js';

/** The verification fields of an entry the verifier has not answered for yet. */
const PENDING = { verified: false, confidence: 0, verificationReason: null, checkedAt: null } as const;

export interface SubmitEntryInput {
  actor: Principal;
  day: number;
  /** `github` or `twitter`. */
  entryType: string;
  url: string;
}

export interface SubmitEntryOutput {
  entry: Entry;
}

/**
 * The signed-in participant creates the entry of (day, type) or replaces its url (which resets its
 * verification to pending but keeps its first-submission local date), the profile and standing are
 * recomputed, and the entry is queued for verification. Idempotent, so a client retries it after any
 * failure. The same url again: a verified entry is left as it is; a pending one is unchanged and
 * queued again (a retry after a failed enqueue); a rejected one goes back to pending and is queued
 * again (a re-check after the participant fixed the linked work, shown as pending until it answers).
 * Each principal may submit `entrySubmission` times per window (`RateLimitedError`), bounding the queue.
 */
export class SubmitEntry {
  private readonly writer: ProfileProgressWriter;

  constructor(
    private readonly profiles: ProfileRepository,
    private readonly entries: EntryRepository,
    leaderboard: Leaderboard,
    private readonly queue: VerificationQueue,
    private readonly clock: Clock,
    private readonly throttle: ActionThrottle,
  ) {
    this.writer = new ProfileProgressWriter(profiles, entries, leaderboard, clock);
  }

  async execute(input: SubmitEntryInput): Promise<SubmitEntryOutput> {
    await this.throttle.attempt('entrySubmission', input.actor.subject);
    const login = participantLogin(input.actor);
    const day = parseDay(input.day);
    const entryType = parseEntryType(input.entryType);
    const url = parseEntryUrl(input.url);
    const entry = await this.writeEntry(login, day, entryType, url);
    const profile = await this.writer.write(login);
    if (!entry.verified) {
      await this.queue.enqueue({ githubUsername: profile.githubUsername, day, entryType, url });
    }
    return { entry };
  }

  private async writeEntry(login: string, day: number, entryType: Entry['entryType'], url: string): Promise<Entry> {
    return withOptimisticRetry(`entry ${login} day ${day} ${entryType}`, async () => {
      const profile = await this.profiles.get(login);
      if (profile === null) throw new NotFoundError('profile');
      const key = { githubUsername: profile.githubUsername, day, entryType };
      const existing = await this.entries.get(key);
      if (existing !== null && existing.url === url && verificationStateOf(existing).status !== 'rejected') return existing;
      const now = this.clock.now();
      const pending = { ...PENDING, requeueAt: requeueAtAfter(now) };
      const entry: Entry =
        existing === null
          ? { ...key, url, ...pending, localDate: localDateOf(now, profile.timezone), createdAt: now, updatedAt: now, revision: 1 }
          : { ...existing, url, ...pending, updatedAt: now, revision: existing.revision + 1 };
      await this.entries.put(entry, existing?.revision ?? null);
      return entry;
    });
  }
}

import type { Clock } from '../../shared/clock.port.js';
import type { Principal } from '../../shared/principal.js';
import type { ActionLimits } from '../../identity/rate-limit/action-throttle.js';
import type { Leaderboard } from '../leaderboard/leaderboard.port.js';
import { participantLogin } from '../participant/participant-login.js';
import { localDateOf } from '../progress/local-date.js';
import type { ParticipantProgress, ParticipantProgressStore } from '../progress/participant-progress-store.port.js';
import { ProfileProgressWriter, type ProgressPlan } from '../progress/profile-progress-writer.js';
import type { VerificationQueue } from '../verification/verification-queue.port.js';
import { requeueAtAfter } from '../verification/verification-requeue.js';
import { verificationStateOf } from '../verification/verification-state.js';
import type { Entry, EntryType } from './entry.js';
import { parseDay, parseEntryType, parseEntryUrl } from './entry-fields.js';
import { chargeSubmission } from './submission-quota.js';

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
 * recomputed in the same write, and the entry is queued for verification. Idempotent, so a client
 * retries it after any failure. The same url again: a verified entry is left as it is; a pending one is
 * unchanged and queued again (a retry after a failed enqueue); a rejected one goes back to pending and is
 * queued again (a re-check after the participant fixed the linked work, shown as pending until it answers).
 * Every submission that queues counts against the participant's `entrySubmission` quota (RateLimitedError
 * past it), kept with the profile (chargeSubmission), which bounds the queue.
 */
export class SubmitEntry {
  private readonly writer: ProfileProgressWriter;

  constructor(
    store: ParticipantProgressStore,
    leaderboard: Leaderboard,
    private readonly queue: VerificationQueue,
    clock: Clock,
    private readonly limits: ActionLimits,
  ) {
    this.writer = new ProfileProgressWriter(store, leaderboard, clock);
  }

  async execute(input: SubmitEntryInput): Promise<SubmitEntryOutput> {
    const login = participantLogin(input.actor);
    const day = parseDay(input.day);
    const entryType = parseEntryType(input.entryType);
    const url = parseEntryUrl(input.url);
    const { profile, result: entry } = await this.writer.write(login, (read, now) => this.plan(read, now, day, entryType, url));
    if (!entry.verified) {
      await this.queue.enqueue({ githubUsername: profile.githubUsername, day, entryType, url });
    }
    return { entry };
  }

  private plan(read: ParticipantProgress, now: Date, day: number, entryType: EntryType, url: string): ProgressPlan<Entry> {
    const existing = read.entries.find((entry) => entry.day === day && entry.entryType === entryType) ?? null;
    const sameUrl = existing !== null && existing.url === url && verificationStateOf(existing).status !== 'rejected';
    if (sameUrl && existing.verified) return { result: existing };
    const submissions = chargeSubmission(read.submissions, now, this.limits.entrySubmission);
    if (sameUrl) return { submissions, result: existing };
    const pending = { ...PENDING, requeueAt: requeueAtAfter(now) };
    const key = { githubUsername: read.profile.githubUsername, day, entryType };
    const entry: Entry =
      existing === null
        ? { ...key, url, ...pending, localDate: localDateOf(now, read.profile.timezone), createdAt: now, updatedAt: now, revision: 1 }
        : { ...existing, url, ...pending, updatedAt: now, revision: existing.revision + 1 };
    return { entry: { entry, expectedRevision: existing?.revision ?? null }, submissions, result: entry };
  }
}

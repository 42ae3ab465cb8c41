import type { EntryRepository } from '../entry/entry-repository.port.js';
import type { ProfileRepository } from '../profile/profile-repository.port.js';
import { VerifierRateLimitedError, type EntryVerifier } from './entry-verifier.port.js';
import type { RecordVerification } from './record-verification.use-case.js';
import type { VerificationJob } from './verification-job.js';
import { MAX_ENQUEUE_DELAY_SECONDS, type VerificationQueue } from './verification-queue.port.js';

export type VerifyEntryInput = VerificationJob;

export interface VerifyEntryOutput {
  /**
   * `stale`: the entry is gone or has another url by now, so the job was dropped without verifying.
   * `deferred`: the verifier was rate limited; the job was queued again to run after `deferredSeconds`.
   */
  outcome: 'recorded' | 'stale' | 'deferred';
  confidence: number | null;
  reason: string | null;
  /** Only for `deferred`: the delay the job was queued again with. */
  deferredSeconds?: number;
}

const STALE: VerifyEntryOutput = { outcome: 'stale', confidence: null, reason: null };

/**
 * The consumer of the verification queue: asks the EntryVerifier about the entry as it is now and
 * records the answer. Jobs arrive at least once and possibly late; a job for a url the participant
 * has replaced since is dropped (the replacement queued its own job). When the verifier is rate
 * limited, the job is queued again with the wait as its delay (capped at the queue's maximum; a job
 * coming back too early is deferred again) and this delivery succeeds: no handler sleeps, and waiting
 * never counts as a failed delivery toward the dead-letter queue. Any other verifier failure is thrown
 * so the queue delivers the job again.
 */
export class VerifyEntry {
  constructor(
    private readonly entries: EntryRepository,
    private readonly profiles: ProfileRepository,
    private readonly verifier: EntryVerifier,
    private readonly recordVerification: RecordVerification,
    private readonly queue: VerificationQueue,
  ) {}

  async execute(job: VerifyEntryInput): Promise<VerifyEntryOutput> {
    const entry = await this.entries.get(job);
    if (entry === null || entry.url !== job.url) return STALE;
    const profile = await this.profiles.get(job.githubUsername);
    if (profile === null) return STALE;
    let answer;
    try {
      answer = await this.verifier.verify({ entry, profile });
    } catch (error) {
      if (!(error instanceof VerifierRateLimitedError)) throw error;
      return this.defer(job, error.retryAfterSeconds);
    }
    const { confidence, reason } = answer;
    const { applied } = await this.recordVerification.execute({ ...job, confidence, reason });
    return applied ? { outcome: 'recorded', confidence, reason } : STALE;
  }

  private async defer(job: VerificationJob, retryAfterSeconds: number): Promise<VerifyEntryOutput> {
    const delaySeconds = Math.min(MAX_ENQUEUE_DELAY_SECONDS, Math.max(1, Math.ceil(retryAfterSeconds)));
    const { githubUsername, day, entryType, url } = job;
    await this.queue.enqueue({ githubUsername, day, entryType, url }, { delaySeconds });
    return { outcome: 'deferred', confidence: null, reason: null, deferredSeconds: delaySeconds };
  }
}

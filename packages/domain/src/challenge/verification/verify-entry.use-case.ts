import type { EntryRepository } from '../entry/entry-repository.port.js';
import type { ProfileRepository } from '../profile/profile-repository.port.js';
import type { EntryVerifier } from './entry-verifier.port.js';
import type { RecordVerification } from './record-verification.use-case.js';
import type { VerificationJob } from './verification-job.js';

export type VerifyEntryInput = VerificationJob;

export interface VerifyEntryOutput {
  /** `stale`: the entry is gone or has another url by now, so the job was dropped without verifying. */
  outcome: 'recorded' | 'stale';
  confidence: number | null;
  reason: string | null;
}

const STALE: VerifyEntryOutput = { outcome: 'stale', confidence: null, reason: null };

/**
 * The consumer of the verification queue: asks the EntryVerifier about the entry as it is now and
 * records the answer. Jobs arrive at least once and possibly late; a job for a url the participant
 * has replaced since is dropped (the replacement queued its own job). A verifier failure is thrown so
 * the queue delivers the job again.
 */
export class VerifyEntry {
  constructor(
    private readonly entries: EntryRepository,
    private readonly profiles: ProfileRepository,
    private readonly verifier: EntryVerifier,
    private readonly recordVerification: RecordVerification,
  ) {}

  async execute(job: VerifyEntryInput): Promise<VerifyEntryOutput> {
    const entry = await this.entries.get(job);
    if (entry === null || entry.url !== job.url) return STALE;
    const profile = await this.profiles.get(job.githubUsername);
    if (profile === null) return STALE;
    const { confidence, reason } = await this.verifier.verify({ entry, profile });
    const { applied } = await this.recordVerification.execute({ ...job, confidence, reason });
    return applied ? { outcome: 'recorded', confidence, reason } : STALE;
  }
}

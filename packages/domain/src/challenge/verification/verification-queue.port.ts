import { token } from '../../shared/token.js';
import type { VerificationJob } from './verification-job.js';

/**
 * Where SubmitEntry hands entries to the asynchronous verifier (SQS in production). At-least-once: a job
 * may be delivered more than once, and the consumer (VerifyEntry) is idempotent.
 */
export interface VerificationQueue {
  /** Resolves once the job is durably queued; throws if it could not be. */
  enqueue(job: VerificationJob): Promise<void>;
}

export const VerificationQueueToken = token<VerificationQueue>('VerificationQueue');

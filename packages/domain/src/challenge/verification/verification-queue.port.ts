import { token } from '../../shared/token.js';
import type { VerificationJob } from './verification-job.js';

/** The longest delay a queue accepts for one job (SQS's DelaySeconds maximum): longer waits are re-deferred. */
export const MAX_ENQUEUE_DELAY_SECONDS = 900;

export interface EnqueueOptions {
  /** Whole seconds 0..MAX_ENQUEUE_DELAY_SECONDS before the job may be delivered (default 0). */
  readonly delaySeconds?: number;
}

/**
 * Where SubmitEntry hands entries to the asynchronous verifier (SQS in production). At-least-once: a job
 * may be delivered more than once, and the consumer (VerifyEntry) is idempotent.
 */
export interface VerificationQueue {
  /**
   * Resolves once the job is durably queued (invisible until its delay has passed); throws if it could
   * not be, or with a RangeError for a delay outside 0..MAX_ENQUEUE_DELAY_SECONDS.
   */
  enqueue(job: VerificationJob, options?: EnqueueOptions): Promise<void>;
}

export const VerificationQueueToken = token<VerificationQueue>('VerificationQueue');

/** The delay of {@link EnqueueOptions}, checked: an integer 0..MAX_ENQUEUE_DELAY_SECONDS, else RangeError. */
export function enqueueDelaySeconds(options: EnqueueOptions | undefined): number {
  const delay = options?.delaySeconds ?? 0;
  if (!Number.isInteger(delay) || delay < 0 || delay > MAX_ENQUEUE_DELAY_SECONDS) {
    throw new RangeError(`delaySeconds must be an integer from 0 to ${MAX_ENQUEUE_DELAY_SECONDS}`);
  }
  return delay;
}

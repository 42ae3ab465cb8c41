import type { VerificationJob, VerifyEntry } from '@hdoc/domain';
import type { SqsConsumer } from '../sqs/sqs-consumer.js';
import { parseVerificationJob } from './verification-job.message.js';

/**
 * The verification queue's consumer: a VerificationJob message (see {@link parseVerificationJob})
 * runs VerifyEntry. A stale job (entry gone or its url replaced) succeeds without effect. A rate-limited
 * verification succeeds too: VerifyEntry has sent the job again with an SQS delay, so this message is
 * deleted, nothing sleeps, and waiting never counts toward maxReceiveCount. Any other verifier failure
 * rejects, so SQS delivers the job again and, after maxReceiveCount, dead-letters it.
 */
export function verifyEntryConsumer(verifyEntry: Pick<VerifyEntry, 'execute'>): SqsConsumer<VerificationJob> {
  return {
    name: 'verify-entry',
    parse: parseVerificationJob,
    handle: async (job, { log }) => {
      const result = await verifyEntry.execute(job);
      log.info(
        {
          job: { github_username: job.githubUsername, day: job.day, entry_type: job.entryType },
          outcome: result.outcome,
          confidence: result.confidence,
          ...(result.deferredSeconds === undefined ? {} : { deferred_seconds: result.deferredSeconds }),
        },
        result.outcome === 'deferred' ? 'entry verification deferred (verifier rate limited)' : 'entry verification done',
      );
    },
  };
}

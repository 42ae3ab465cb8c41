import type { VerificationJob, VerifyEntry } from '@hdoc/domain';
import type { SqsConsumer } from '../sqs/sqs-consumer.js';
import { parseVerificationJob } from './verification-job.message.js';

/**
 * The verification queue's consumer: a VerificationJob message (see {@link parseVerificationJob})
 * runs VerifyEntry. A stale job (entry gone or its url replaced) succeeds without effect; a verifier
 * failure rejects, so SQS delivers the job again and, after maxReceiveCount, dead-letters it.
 */
export function verifyEntryConsumer(verifyEntry: Pick<VerifyEntry, 'execute'>): SqsConsumer<VerificationJob> {
  return {
    name: 'verify-entry',
    parse: parseVerificationJob,
    handle: async (job, { log }) => {
      const result = await verifyEntry.execute(job);
      log.info(
        { job: { github_username: job.githubUsername, day: job.day, entry_type: job.entryType }, outcome: result.outcome, confidence: result.confidence },
        'entry verification done',
      );
    },
  };
}

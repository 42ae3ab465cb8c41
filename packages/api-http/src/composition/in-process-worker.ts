import { MemoryStorageEventQueueToken, MemoryVerificationQueueToken } from '@hdoc/adapters-memory';
import { IngestStorageEvent, parseS3EventNotification, VerifyEntry } from '@hdoc/domain';
import type { Container } from 'inversify';
import type { Logger } from 'pino';
import type { ReadinessCheck } from '../http/system/readiness.js';
import type { Closers } from './closers.js';
import { resolverOf } from './resolver.js';

/** The running in-process worker: tests await `drained()` instead of sleeping. */
export interface InProcessWorker {
  /** Resolves once both queues have nothing waiting or in flight. */
  drained(): Promise<void>;
  /** `in-process-worker` for /readyz: fails once the worker has stopped consuming (shutdown). */
  readonly readiness: ReadinessCheck;
}

/**
 * The local run's stand-in for the SQS worker: consumes the memory verification and storage-event
 * queues with the same use cases the Lambda consumers run. A handler that throws leaves the message
 * queued for redelivery (dead-lettered after a few attempts), so nothing acknowledged is lost.
 */
export function startInProcessWorker(container: Container, logger: Logger, closers: Closers): InProcessWorker {
  const resolve = resolverOf(container);
  const verificationQueue = resolve(MemoryVerificationQueueToken);
  const storageEvents = resolve(MemoryStorageEventQueueToken);
  const verifyEntry = resolve(VerifyEntry);
  const ingest = resolve(IngestStorageEvent);

  verificationQueue.subscribe(async (job) => {
    try {
      const result = await verifyEntry.execute(job);
      logger.debug({ job: { github_username: job.githubUsername, day: job.day, entry_type: job.entryType }, result }, 'entry verified');
    } catch (error) {
      logger.warn({ err: error }, 'entry verification failed; will retry');
      throw error;
    }
  });
  storageEvents.subscribe(async (notification) => {
    try {
      for (const event of parseS3EventNotification(notification)) await ingest.execute({ event });
    } catch (error) {
      logger.warn({ err: error }, 'storage event ingestion failed; will retry');
      throw error;
    }
  });

  const drained = async (): Promise<void> => {
    // Verification never raises storage events and vice versa, but one drain can enqueue into the
    // same queue again (redeliveries), so wait until both are quiet in one pass.
    await Promise.all([verificationQueue.drained(), storageEvents.drained()]);
  };
  let consuming = true;
  closers.register('in-process worker', async () => {
    consuming = false;
    await drained();
    verificationQueue.unsubscribe();
    storageEvents.unsubscribe();
  });
  const readiness: ReadinessCheck = {
    name: 'in-process-worker',
    check: () => (consuming ? Promise.resolve() : Promise.reject(new Error('the in-process worker has stopped'))),
  };
  return { drained, readiness };
}

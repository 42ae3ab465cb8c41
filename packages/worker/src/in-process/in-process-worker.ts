import { MemoryStorageEventQueueToken, MemoryVerificationQueueToken, type QueueHandler } from '@hdoc/adapters-memory';
import type { Composition, ReadinessCheck } from '@hdoc/composition';
import { INGEST_STORAGE_EVENT, VERIFY_ENTRY } from '../entrypoints/index.js';
import type { ConsumerEntrypoint } from '../entrypoints/consumer-entrypoint.js';
import { createSqsBatchHandler } from '../sqs/sqs-batch-handler.js';
import { memoryQueueRecord } from './memory-queue-record.js';

/** The running in-process worker: tests await `drained()` instead of sleeping. */
export interface InProcessWorker {
  /** Resolves once the memory queues have nothing waiting or in flight. */
  drained(): Promise<void>;
}

/** A memory queue the worker consumes. */
interface ConsumedQueue<M> {
  subscribe(handler: QueueHandler<M>): void;
  unsubscribe(): void;
  drained(): Promise<void>;
}

/**
 * The local run's worker: the worker's own consumers (the ones its Lambdas and poller run, behind the
 * same partial-batch handler) consuming the memory verification and storage-event queues of a
 * composition that holds the worker's use cases (WORKER_USE_CASES) beside the API's. Each message is
 * delivered as a one-record batch; a failed record throws, so the memory queue delivers it again and
 * dead-letters it after a few attempts: nothing acknowledged is lost. Registers `in-process-worker`
 * with the readiness checks (failing once it has stopped) and stops, after draining, at shutdown.
 */
export function startInProcessWorker(composition: Pick<Composition, 'container' | 'resolve' | 'logger' | 'closers' | 'readiness'>): InProcessWorker {
  const { container, resolve, logger } = composition;
  const consumed: ConsumedQueue<never>[] = [];
  let delivered = 0;
  const consume = <M>(queue: ConsumedQueue<M>, name: string, entrypoint: ConsumerEntrypoint<unknown>): void => {
    const handle = createSqsBatchHandler(entrypoint.consumer(resolve), { logger });
    queue.subscribe(async (message, attempt) => {
      delivered += 1;
      const { batchItemFailures } = await handle({ Records: [memoryQueueRecord(name, `local-${delivered}`, message, attempt)] });
      // The handler logged why; throwing makes the memory queue deliver the message again.
      if (batchItemFailures.length > 0) throw new Error(`${entrypoint.service}: message failed`);
    });
    consumed.push(queue as ConsumedQueue<never>);
  };
  if (container.isBound(MemoryVerificationQueueToken)) {
    consume(resolve(MemoryVerificationQueueToken), 'hdoc-local-verification', VERIFY_ENTRY as ConsumerEntrypoint<unknown>);
  }
  if (container.isBound(MemoryStorageEventQueueToken)) {
    consume(resolve(MemoryStorageEventQueueToken), 'hdoc-local-photo-events', INGEST_STORAGE_EVENT as ConsumerEntrypoint<unknown>);
  }

  // One drain can enqueue into the same queue again (redeliveries), so wait until all are quiet in one pass.
  const drained = async (): Promise<void> => {
    await Promise.all(consumed.map((queue) => queue.drained()));
  };
  let consuming = true;
  composition.closers.register('in-process worker', async () => {
    consuming = false;
    await drained();
    for (const queue of consumed) queue.unsubscribe();
  });
  const readiness: ReadinessCheck = {
    name: 'in-process-worker',
    check: () => (consuming ? Promise.resolve() : Promise.reject(new Error('the in-process worker has stopped'))),
  };
  composition.readiness.register(readiness);
  return { drained };
}

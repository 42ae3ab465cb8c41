import { setTimeout as sleep } from 'node:timers/promises';
import type { SQSRecord } from 'aws-lambda';
import type { Logger } from 'pino';
import type { SqsBatchHandler } from '../sqs/sqs-batch-handler.js';
import type { QueueSource } from './queue-source.js';

/** Options of {@link runQueuePoller}. */
export interface QueuePollerOptions {
  readonly source: QueueSource;
  /** The same partial-batch handler the Lambda runs (see createSqsBatchHandler). */
  readonly handler: SqsBatchHandler;
  readonly logger: Logger;
  /** Stops the loop: a wait for messages is cut short, a batch in progress is finished first. */
  readonly signal: AbortSignal;
  /** Pause after a failed receive or delete before polling again (default 1000 ms). */
  readonly retryDelayMs?: number;
}

/**
 * Runs a consumer outside Lambda: long-polls the source, processes each batch with the partial-batch
 * handler, and deletes only the messages that succeeded. Failed ones stay on the queue and come back
 * after their visibility timeout (and reach the dead-letter queue after maxReceiveCount), exactly as
 * with the Lambda event source. Resolves once `signal` aborts and the batch in progress is settled.
 */
export async function runQueuePoller(options: QueuePollerOptions): Promise<void> {
  const { source, handler, logger, signal } = options;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const pause = () => sleep(retryDelayMs, undefined, { signal }).catch(() => undefined);
  while (!signal.aborted) {
    let batch: readonly SQSRecord[];
    try {
      batch = await source.receive(signal);
    } catch (error) {
      if (signal.aborted) break;
      logger.error({ err: error }, 'receiving messages failed; retrying');
      await pause();
      continue;
    }
    if (batch.length === 0) continue;
    const { batchItemFailures } = await handler({ Records: [...batch] });
    const failed = new Set(batchItemFailures.map((failure) => failure.itemIdentifier));
    const done = batch.filter((message) => !failed.has(message.messageId));
    if (done.length === 0) continue;
    try {
      await source.delete(done);
    } catch (error) {
      // Not lost: the messages come back after their visibility timeout and the consumers are idempotent.
      logger.error({ err: error, count: done.length }, 'deleting processed messages failed; they will be redelivered');
      await pause();
    }
  }
}

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
  /** Batches processed at once, each by its own receive loop (default 1). */
  readonly concurrency?: number;
  /**
   * The visibility timeout the source receives messages with. Given (and the source can extend), a
   * batch still in progress has its visibility set back to this every half of it, until it is settled.
   */
  readonly visibilityTimeoutSeconds?: number;
}

/**
 * Runs a consumer outside Lambda: long-polls the source, processes each batch with the partial-batch
 * handler, and deletes only the messages that succeeded. Failed ones stay on the queue and come back
 * after their visibility timeout (and reach the dead-letter queue after maxReceiveCount), exactly as
 * with the Lambda event source. `concurrency` loops run side by side. Resolves once `signal` aborts
 * and every batch in progress is settled.
 */
export async function runQueuePoller(options: QueuePollerOptions): Promise<void> {
  const loops = Array.from({ length: options.concurrency ?? 1 }, () => pollLoop(options));
  await Promise.all(loops);
}

async function pollLoop(options: QueuePollerOptions): Promise<void> {
  const { source, logger, signal } = options;
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
    const done = await processBatch(options, batch);
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

/** Runs the handler on a batch, keeping it invisible meanwhile; resolves with the messages that succeeded. */
async function processBatch(options: QueuePollerOptions, batch: readonly SQSRecord[]): Promise<SQSRecord[]> {
  const stopExtending = keepInvisible(options, batch);
  try {
    const { batchItemFailures } = await options.handler({ Records: [...batch] });
    const failed = new Set(batchItemFailures.map((failure) => failure.itemIdentifier));
    return batch.filter((message) => !failed.has(message.messageId));
  } finally {
    stopExtending();
  }
}

/**
 * Extends the batch's visibility every half timeout while it is processed, so a slow message is not
 * redelivered to another consumer meanwhile. A failed extension is logged, not fatal: at worst the
 * message is processed twice, which the idempotent consumers absorb. Returns the stop.
 */
function keepInvisible(options: QueuePollerOptions, batch: readonly SQSRecord[]): () => void {
  const { source, visibilityTimeoutSeconds: timeout } = options;
  if (timeout === undefined || source.extendVisibility === undefined) return () => undefined;
  const extend = source.extendVisibility.bind(source);
  const timer = setInterval(() => {
    extend(batch, timeout).catch((error: unknown) => {
      options.logger.warn({ err: error, count: batch.length }, 'extending the visibility of messages in progress failed');
    });
  }, (timeout * 1000) / 2);
  return () => clearInterval(timer);
}

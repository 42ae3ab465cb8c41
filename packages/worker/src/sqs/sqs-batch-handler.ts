import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { Logger } from 'pino';
import { MalformedMessageError } from './malformed-message.error.js';
import type { SqsConsumer } from './sqs-consumer.js';

/**
 * A Lambda handler for an SQS event source with `ReportBatchItemFailures`. The context is optional so
 * the long-polling runner, which has no Lambda context, processes its batches with the same handler.
 */
export type SqsBatchHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse>;

/** Options of {@link createSqsBatchHandler}. */
export interface SqsBatchHandlerOptions {
  readonly logger: Logger;
  /** Process a batch's records concurrently (default) or one after the other. */
  readonly processInParallel?: boolean;
  /**
   * The queue's `maxReceiveCount` (its RedrivePolicy). Given, a record failing on that receive, its
   * last before SQS moves it to the dead-letter queue, is logged once as dead-lettered with its reason.
   */
  readonly maxReceiveCount?: number;
}

/** A failure's reason for the logs: its stable code or name and its message, never a body. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return `${typeof code === 'string' ? code : error.name}: ${error.message}`;
}

/**
 * Creates the Lambda handler of a consumer using partial batch responses: each record that fails
 * (unparseable or rejected by the handler) is reported in `batchItemFailures`, so SQS redelivers
 * only those while the others are deleted. A batch where every record failed is reported the same
 * way rather than thrown, so the outcome never depends on the batch size.
 */
export function createSqsBatchHandler<M>(consumer: SqsConsumer<M>, options: SqsBatchHandlerOptions): SqsBatchHandler {
  const logger = options.logger.child({ consumer: consumer.name });
  const processRecord = async (record: SQSRecord): Promise<void> => {
    const receiveCount = Number(record.attributes.ApproximateReceiveCount);
    const log = logger.child({ message_id: record.messageId, receive_count: receiveCount });
    const lastReceive = options.maxReceiveCount !== undefined && receiveCount >= options.maxReceiveCount;
    const failed = (error: unknown, err: unknown, level: 'warn' | 'error', message: string): never => {
      if (lastReceive) {
        const deadLetter = { err, reason: reasonOf(error), max_receive_count: options.maxReceiveCount };
        log.error(deadLetter, 'message failed on its last receive: it moves to the dead-letter queue');
      } else {
        log[level]({ err }, message);
      }
      throw error;
    };
    let message: M;
    try {
      message = consumer.parse(record.body, record);
    } catch (error) {
      // Never log the body: it may carry personal data.
      return failed(error, error instanceof MalformedMessageError ? { message: error.message } : error, 'warn', 'malformed message');
    }
    try {
      await consumer.handle(message, { record, log });
    } catch (error) {
      failed(error, error, 'error', 'message failed');
    }
  };
  return (event, context) =>
    // A processor per invocation: it holds the batch's state.
    processPartialResponse(event, processRecord, new BatchProcessor(EventType.SQS), {
      context,
      throwOnFullBatchFailure: false,
      processInParallel: options.processInParallel ?? true,
    });
}

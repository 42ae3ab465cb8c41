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
    const log = logger.child({
      message_id: record.messageId,
      receive_count: Number(record.attributes.ApproximateReceiveCount),
    });
    let message: M;
    try {
      message = consumer.parse(record.body, record);
    } catch (error) {
      // Never log the body: it may carry personal data.
      log.warn({ err: error instanceof MalformedMessageError ? { message: error.message } : error }, 'malformed message');
      throw error;
    }
    try {
      await consumer.handle(message, { record, log });
    } catch (error) {
      log.error({ err: error }, 'message failed');
      throw error;
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

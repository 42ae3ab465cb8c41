import type { SQSRecord } from 'aws-lambda';
import type { Logger } from 'pino';

/** What a consumer's handler gets besides its message. */
export interface ConsumerContext {
  /** The raw record (attributes such as ApproximateReceiveCount, message attributes). */
  readonly record: SQSRecord;
  /** Logger whose lines carry the consumer name and the message id. */
  readonly log: Logger;
}

/**
 * One kind of queue message and what to do with it. Handling must be idempotent: SQS delivers at
 * least once, and a failed record is delivered again.
 */
export interface SqsConsumer<M> {
  /** Short stable name for logs and metrics, e.g. `verify-entry`. */
  readonly name: string;
  /** Turns the body into the message; throws (ideally MalformedMessageError) when it cannot. */
  parse(body: string, record: SQSRecord): M;
  /** Processes one message; a rejection fails this record only. */
  handle(message: M, context: ConsumerContext): Promise<void>;
}

import type { SQSRecord } from 'aws-lambda';

/**
 * The queue calls the long-polling runner needs. Messages come in the shape Lambda delivers
 * them (`messageId`, `receiptHandle`, `body`, `attributes`...), so the runner reuses the Lambda
 * consumers unchanged; the SQS adapter maps ReceiveMessage output onto it.
 */
export interface QueueSource {
  /**
   * Waits (long polling) for up to one batch; resolves with no messages when the wait ends empty.
   * Should stop waiting when `signal` aborts (it may then resolve empty or reject).
   */
  receive(signal: AbortSignal): Promise<readonly SQSRecord[]>;
  /** Deletes processed messages (by receipt handle). */
  delete(messages: readonly SQSRecord[]): Promise<void>;
  /**
   * Sets the messages' visibility timeout to `visibilityTimeoutSeconds` from now, so a message still
   * being worked on is not handed to another consumer. Optional: without it nothing is extended.
   */
  extendVisibility?(messages: readonly SQSRecord[], visibilityTimeoutSeconds: number): Promise<void>;
}

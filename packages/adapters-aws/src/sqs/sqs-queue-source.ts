import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type BatchResultErrorEntry,
  type Message,
  type MessageAttributeValue,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSMessageAttributes, SQSRecord } from 'aws-lambda';

/** Which queue {@link SqsQueueSource} reads, and how. */
export interface SqsQueueSourceOptions {
  readonly client: SQSClient;
  readonly queueUrl: string;
  /** Messages per receive, 1..10 (default 10, SQS's maximum and Lambda's default batch). */
  readonly batchSize?: number;
  /** Long-polling wait per receive, 0..20 s (default 20, SQS's maximum: fewest empty receives). */
  readonly waitTimeSeconds?: number;
  /** Visibility timeout of received messages; default: the queue's own. */
  readonly visibilityTimeoutSeconds?: number;
}

/** SQS batch calls take at most ten entries. */
const SQS_BATCH_LIMIT = 10;

const chunks = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / SQS_BATCH_LIMIT) }, (_, i) => items.slice(i * SQS_BATCH_LIMIT, (i + 1) * SQS_BATCH_LIMIT));

/** Lambda hands binary attribute values over base64-encoded. */
const base64 = (bytes: Uint8Array | undefined): string | undefined =>
  bytes === undefined ? undefined : Buffer.from(bytes).toString('base64');

function lambdaAttributes(attributes: Record<string, MessageAttributeValue> | undefined): SQSMessageAttributes {
  return Object.fromEntries(
    Object.entries(attributes ?? {}).map(([name, value]) => [
      name,
      {
        dataType: value.DataType ?? 'String',
        ...(value.StringValue !== undefined && { stringValue: value.StringValue }),
        ...(value.BinaryValue !== undefined && { binaryValue: base64(value.BinaryValue) }),
        ...(value.StringListValues !== undefined && { stringListValues: value.StringListValues }),
        ...(value.BinaryListValues !== undefined && { binaryListValues: value.BinaryListValues.map((bytes) => base64(bytes)!) }),
      },
    ]),
  );
}

/**
 * The queue primitives of the long-polling worker: receive (long polling, cut short by an abort signal),
 * delete a processed batch, and extend the visibility of messages still being worked on. It implements
 * the worker's `QueueSource` shape (this package may not import the worker): messages come out exactly as
 * the Lambda SQS event source delivers them, so the worker runs its Lambda consumers unchanged.
 */
export class SqsQueueSource {
  private queueArn: Promise<string> | undefined;

  constructor(private readonly options: SqsQueueSourceOptions) {}

  /**
   * Waits up to `waitTimeSeconds` for up to `batchSize` messages; SQS answers at once when some are
   * ready. Resolves empty when the wait ends empty, or when `signal` aborts (the request is cancelled).
   */
  async receive(signal: AbortSignal): Promise<readonly SQSRecord[]> {
    if (signal.aborted) return [];
    try {
      // Asked before receiving, so a failed lookup never leaves received messages invisible and unprocessed.
      const arn = await this.arn();
      const output = await this.options.client.send(
        new ReceiveMessageCommand({
          QueueUrl: this.options.queueUrl,
          MaxNumberOfMessages: this.options.batchSize ?? SQS_BATCH_LIMIT,
          WaitTimeSeconds: this.options.waitTimeSeconds ?? 20,
          ...(this.options.visibilityTimeoutSeconds !== undefined && { VisibilityTimeout: this.options.visibilityTimeoutSeconds }),
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
        { abortSignal: signal },
      );
      return (output.Messages ?? []).map((message) => this.toRecord(message, arn));
    } catch (error) {
      if (signal.aborted) return [];
      throw error;
    }
  }

  /** Deletes processed messages by receipt handle; throws naming the failures if SQS kept any. */
  async delete(messages: readonly SQSRecord[]): Promise<void> {
    for (const batch of chunks(messages)) {
      const output = await this.options.client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.options.queueUrl,
          Entries: batch.map((message, index) => ({ Id: String(index), ReceiptHandle: message.receiptHandle })),
        }),
      );
      this.throwOnFailures('delete', output.Failed, batch.length);
    }
  }

  /**
   * Sets the messages' visibility timeout to `visibilityTimeoutSeconds` from now (0..43200): a consumer
   * still working on a batch calls it before the timeout lapses, so SQS does not hand the messages to
   * another consumer meanwhile. 0 makes them visible again at once.
   */
  async extendVisibility(messages: readonly SQSRecord[], visibilityTimeoutSeconds: number): Promise<void> {
    for (const batch of chunks(messages)) {
      const output = await this.options.client.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: this.options.queueUrl,
          Entries: batch.map((message, index) => ({
            Id: String(index),
            ReceiptHandle: message.receiptHandle,
            VisibilityTimeout: visibilityTimeoutSeconds,
          })),
        }),
      );
      this.throwOnFailures('change the visibility of', output.Failed, batch.length);
    }
  }

  private throwOnFailures(action: string, failed: BatchResultErrorEntry[] | undefined, total: number): void {
    if (failed === undefined || failed.length === 0) return;
    const codes = [...new Set(failed.map((entry) => entry.Code ?? 'unknown'))].join(', ');
    throw new Error(`SQS could not ${action} ${failed.length} of ${total} messages (${codes})`);
  }

  /** The queue's ARN (Lambda records carry it), asked once; a failed lookup is asked again next time. */
  private arn(): Promise<string> {
    this.queueArn ??= this.options.client
      .send(new GetQueueAttributesCommand({ QueueUrl: this.options.queueUrl, AttributeNames: ['QueueArn'] }))
      .then((output) => {
        const arn = output.Attributes?.QueueArn;
        if (arn === undefined) throw new Error(`SQS did not answer the ARN of ${this.options.queueUrl}`);
        return arn;
      })
      .catch((error: unknown) => {
        this.queueArn = undefined;
        throw error;
      });
    return this.queueArn;
  }

  private toRecord(message: Message, queueArn: string): SQSRecord {
    const attributes = message.Attributes ?? {};
    return {
      messageId: message.MessageId ?? '',
      receiptHandle: message.ReceiptHandle ?? '',
      body: message.Body ?? '',
      attributes: {
        ...attributes,
        ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
        SentTimestamp: attributes.SentTimestamp ?? '',
        SenderId: attributes.SenderId ?? '',
        ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? '',
      },
      messageAttributes: lambdaAttributes(message.MessageAttributes),
      md5OfBody: message.MD5OfBody ?? '',
      ...(message.MD5OfMessageAttributes !== undefined && { md5OfMessageAttributes: message.MD5OfMessageAttributes }),
      eventSource: 'aws:sqs',
      eventSourceARN: queueArn,
      // arn:aws:sqs:<region>:<account>:<name>
      awsRegion: queueArn.split(':')[3] ?? '',
    };
  }
}

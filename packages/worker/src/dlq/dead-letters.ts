import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { queueUrlOf, redrivePolicyOf } from './redrive-policy.js';

/** One dead letter as `dlq list` shows it: never its body, which may carry personal data. */
export interface DeadLetterSummary {
  readonly id: string;
  /** SQS's ApproximateReceiveCount (the look itself counts as one receive). */
  readonly receiveCount: number;
  readonly firstReceivedAt: string | undefined;
  readonly sentAt: string | undefined;
  readonly bodyBytes: number;
}

/** A source queue and its dead-letter queue, by URL. */
export interface DeadLetterQueue {
  readonly queueUrl: string;
  readonly deadLetterUrl: string;
}

/** How long received dead letters stay hidden while the tool works on them. */
const WORK_VISIBILITY_SECONDS = 30;

/** Finds QUEUE (a URL, a name or an ARN) and the dead-letter queue its RedrivePolicy names. */
export async function deadLetterQueueOf(client: SQSClient, queue: string): Promise<DeadLetterQueue> {
  const queueUrl = await queueUrlOf(client, queue);
  const policy = await redrivePolicyOf(client, queueUrl);
  if (policy === undefined) throw new Error(`the queue ${queueUrl} has no RedrivePolicy, hence no dead-letter queue`);
  return { queueUrl, deadLetterUrl: await queueUrlOf(client, policy.deadLetterTargetArn) };
}

async function receiveBatch(client: SQSClient, queueUrl: string): Promise<Message[]> {
  const { Messages = [] } = await client.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 1,
      VisibilityTimeout: WORK_VISIBILITY_SECONDS,
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
    }),
  );
  return Messages;
}

const isoTime = (millis: string | undefined): string | undefined => (millis === undefined || millis === '' ? undefined : new Date(Number(millis)).toISOString());

/**
 * Lists the messages waiting in the dead-letter queue without removing them: receives them all (each
 * seen once), then makes them visible again at once, so a redrive may follow straight away.
 */
export async function listDeadLetters(client: SQSClient, queue: DeadLetterQueue): Promise<DeadLetterSummary[]> {
  const seen = new Map<string, Message>();
  for (let batch = await receiveBatch(client, queue.deadLetterUrl); batch.length > 0; batch = await receiveBatch(client, queue.deadLetterUrl)) {
    for (const message of batch) seen.set(message.MessageId ?? '', message);
  }
  const messages = [...seen.values()];
  for (let start = 0; start < messages.length; start += 10) {
    await client.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: queue.deadLetterUrl,
        Entries: messages.slice(start, start + 10).map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 0 })),
      }),
    );
  }
  return messages.map((message) => ({
    id: message.MessageId ?? '',
    receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? 0),
    firstReceivedAt: isoTime(message.Attributes?.ApproximateFirstReceiveTimestamp),
    sentAt: isoTime(message.Attributes?.SentTimestamp),
    bodyBytes: Buffer.byteLength(message.Body ?? '', 'utf8'),
  }));
}

/** What a redrive did. */
export interface RedriveOutcome {
  readonly moved: number;
  /** Messages SQS refused to send back: still in the dead-letter queue, visible again after 30 s. */
  readonly failed: number;
}

/**
 * Moves every dead letter back to its source queue, ten at a time: each batch is sent to the source
 * queue (same body and message attributes) first, and only the messages SQS accepted are then deleted
 * from the dead-letter queue, so a crash in between duplicates a message (the consumers are idempotent)
 * but never loses one. Receive/send/delete rather than StartMessageMoveTask, which the emulator lacks.
 */
export async function redriveDeadLetters(client: SQSClient, queue: DeadLetterQueue): Promise<RedriveOutcome> {
  let moved = 0;
  let failed = 0;
  for (let batch = await receiveBatch(client, queue.deadLetterUrl); batch.length > 0; batch = await receiveBatch(client, queue.deadLetterUrl)) {
    const sent = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: queue.queueUrl,
        Entries: batch.map((message, index) => ({
          Id: String(index),
          MessageBody: message.Body ?? '',
          ...(message.MessageAttributes !== undefined && { MessageAttributes: message.MessageAttributes }),
        })),
      }),
    );
    const accepted = (sent.Successful ?? []).map((entry) => batch[Number(entry.Id)]!);
    failed += batch.length - accepted.length;
    if (accepted.length === 0) break;
    const deleted = await client.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queue.deadLetterUrl,
        Entries: accepted.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle })),
      }),
    );
    moved += accepted.length;
    // Sent but not deleted: back in the source queue and still a dead letter; a later redrive repeats it.
    if ((deleted.Failed ?? []).length > 0) throw new Error(`${deleted.Failed!.length} redriven messages could not be deleted from ${queue.deadLetterUrl}`);
  }
  return { moved, failed };
}

import type { SQSRecord } from 'aws-lambda';

/**
 * A memory queue's message as the SQS record Lambda would deliver: the body is the message serialised
 * exactly as the SQS adapters send it (`JSON.stringify`), so the consumers parse the same wire format
 * in the local run as in production.
 */
export function memoryQueueRecord(queue: string, messageId: string, message: unknown, attempt: number): SQSRecord {
  const now = String(Date.now());
  return {
    messageId,
    receiptHandle: messageId,
    body: JSON.stringify(message),
    attributes: {
      ApproximateReceiveCount: String(attempt),
      SentTimestamp: now,
      SenderId: 'hdoc-local',
      ApproximateFirstReceiveTimestamp: now,
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:local:000000000000:${queue}`,
    awsRegion: 'local',
  };
}

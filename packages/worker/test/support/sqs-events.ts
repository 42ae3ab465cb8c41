import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';

/** An SQS record as Lambda delivers it. */
export function sqsRecord(
  messageId: string,
  body: string,
  options: { receiveCount?: number; queue?: string } = {},
): SQSRecord {
  return {
    messageId,
    receiptHandle: `AQEB${messageId}receipt==`,
    body,
    attributes: {
      ApproximateReceiveCount: String(options.receiveCount ?? 1),
      SentTimestamp: '1773342238000',
      SenderId: 'AROAEXAMPLE:hdoc-api',
      ApproximateFirstReceiveTimestamp: '1773342238123',
    },
    messageAttributes: {},
    md5OfBody: '0123456789abcdef0123456789abcdef',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:eu-west-1:123456789012:${options.queue ?? 'hdoc-dev-verification'}`,
    awsRegion: 'eu-west-1',
  };
}

/** An SQS event of records `m-1`, `m-2`... with the given bodies. */
export function sqsEvent(bodies: readonly string[], queue?: string): SQSEvent {
  return { Records: bodies.map((body, index) => sqsRecord(`m-${index + 1}`, body, queue === undefined ? {} : { queue })) };
}

/** The Lambda context, as far as the handlers read it. */
export const lambdaContext = {
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  functionName: 'hdoc-dev-worker',
  getRemainingTimeInMillis: () => 60_000,
} as unknown as Context;

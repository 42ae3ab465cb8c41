import { GetQueueAttributesCommand, GetQueueUrlCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** A queue's RedrivePolicy: where its dead letters go, and after how many receives. */
export interface RedrivePolicy {
  readonly deadLetterTargetArn: string;
  readonly maxReceiveCount: number;
}

/** The queue's redrive policy, or undefined when it has none (failures then come back forever). */
export async function redrivePolicyOf(client: SQSClient, queueUrl: string): Promise<RedrivePolicy | undefined> {
  const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['RedrivePolicy'] }));
  const text = Attributes?.RedrivePolicy;
  if (text === undefined || text === '') return undefined;
  const policy = JSON.parse(text) as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
  const maxReceiveCount = Number(policy.maxReceiveCount);
  if (typeof policy.deadLetterTargetArn !== 'string' || !Number.isInteger(maxReceiveCount)) {
    throw new Error(`the RedrivePolicy of ${queueUrl} names no dead-letter queue and receive count`);
  }
  return { deadLetterTargetArn: policy.deadLetterTargetArn, maxReceiveCount };
}

/** A queue's URL from its URL or its name (`arn:aws:sqs:<region>:<account>:<name>` works too). */
export async function queueUrlOf(client: SQSClient, queue: string): Promise<string> {
  if (/^https?:\/\//.test(queue)) return queue;
  const arn = /^arn:[^:]+:sqs:[^:]*:(\d*):(.+)$/.exec(queue);
  const { QueueUrl } = await client.send(
    new GetQueueUrlCommand(arn === null ? { QueueName: queue } : { QueueName: arn[2], ...(arn[1] ? { QueueOwnerAWSAccountId: arn[1] } : {}) }),
  );
  if (QueueUrl === undefined) throw new Error(`SQS answered no URL for the queue ${queue}`);
  return QueueUrl;
}

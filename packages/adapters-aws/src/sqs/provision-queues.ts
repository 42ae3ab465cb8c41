import { CreateQueueCommand, GetQueueAttributesCommand, SetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** A queue to create with its dead-letter queue (named `<name>-dlq`). */
export interface QueueSpec {
  readonly name: string;
  /** Default 360 s: six times the functions' 60 s timeout, as AWS advises for Lambda sources (and as deploy/template.yaml sets). */
  readonly visibilityTimeoutSeconds?: number;
  /** Receives before a message moves to the dead-letter queue; default 5, as in deploy/template.yaml. */
  readonly maxReceiveCount?: number;
}

/** A provisioned queue and its dead-letter queue. */
export interface ProvisionedQueue {
  readonly url: string;
  readonly arn: string;
  readonly deadLetterUrl: string;
  readonly deadLetterArn: string;
}

const FOUR_DAYS = String(4 * 24 * 3600);
const FOURTEEN_DAYS = String(14 * 24 * 3600);

async function createQueue(client: SQSClient, name: string, attributes: Record<string, string>): Promise<{ url: string; arn: string }> {
  const created = await client.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  const url = created.QueueUrl!;
  const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  return { url, arn: Attributes!.QueueArn! };
}

/**
 * Creates a standard queue and its dead-letter queue, with the redrive policy between them and the
 * retention of deploy/template.yaml (4 days; 14 for dead letters, the maximum). Running it again with
 * the same spec changes nothing (CreateQueue answers the existing queue), so `start:aws-local` may
 * provision a reused moto_server.
 */
export async function provisionQueue(client: SQSClient, spec: QueueSpec): Promise<ProvisionedQueue> {
  const deadLetter = await createQueue(client, `${spec.name}-dlq`, { MessageRetentionPeriod: FOURTEEN_DAYS });
  const queue = await createQueue(client, spec.name, {
    VisibilityTimeout: String(spec.visibilityTimeoutSeconds ?? 360),
    MessageRetentionPeriod: FOUR_DAYS,
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: deadLetter.arn, maxReceiveCount: spec.maxReceiveCount ?? 5 }),
  });
  return { url: queue.url, arn: queue.arn, deadLetterUrl: deadLetter.url, deadLetterArn: deadLetter.arn };
}

/**
 * Lets S3 send the bucket's notifications to the queue, and nothing else: the queue policy of
 * deploy/template.yaml, granting `sqs:SendMessage` to `s3.amazonaws.com` for this bucket's ARN only.
 */
export async function allowBucketNotifications(client: SQSClient, queue: ProvisionedQueue, bucket: string): Promise<void> {
  const partition = queue.arn.split(':')[1] ?? 'aws';
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'PhotosBucketNotifications',
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: queue.arn,
        Condition: { ArnEquals: { 'aws:SourceArn': `arn:${partition}:s3:::${bucket}` } },
      },
    ],
  };
  await client.send(new SetQueueAttributesCommand({ QueueUrl: queue.url, Attributes: { Policy: JSON.stringify(policy) } }));
}

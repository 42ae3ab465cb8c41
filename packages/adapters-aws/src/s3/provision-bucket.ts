import {
  CreateBucketCommand,
  PutBucketNotificationConfigurationCommand,
  S3ServiceException,
  type BucketLocationConstraint,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { PHOTO_OBJECT_PREFIX } from '@hdoc/domain';
import { allowBucketNotifications, type ProvisionedQueue } from '../sqs/provision-queues.js';

/** The photo bucket to create and the queue its notifications go to. */
export interface PhotoBucketSpec {
  readonly bucket: string;
  /** Receives `ObjectCreated:*` and `ObjectRemoved:*` for keys under `photos/` (made by provisionQueue). */
  readonly eventsQueue: ProvisionedQueue;
}

async function createBucket(client: S3Client, bucket: string): Promise<void> {
  const region = await client.config.region();
  try {
    await client.send(
      new CreateBucketCommand({
        Bucket: bucket,
        // us-east-1 is the default location and refuses to be named.
        ...(region !== 'us-east-1' && { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
      }),
    );
  } catch (error) {
    if (!(error instanceof S3ServiceException && error.name === 'BucketAlreadyOwnedByYou')) throw error;
  }
}

/**
 * Creates the photo bucket (or keeps it, when it is already ours), lets it send to the events queue (the
 * queue policy comes first: S3 checks it can deliver when the notification is set), and sets the bucket
 * notification of deploy/template.yaml: created and removed objects under `photos/`, so the worker's
 * thumbnails under `thumbnails/` raise none. S3 (and moto) sends an `s3:TestEvent` message each time the
 * notification is set (consumers skip it). Repeating it leaves the same bucket, policy and notification.
 */
export async function provisionPhotoBucket(clients: { readonly s3: S3Client; readonly sqs: SQSClient }, spec: PhotoBucketSpec): Promise<void> {
  await createBucket(clients.s3, spec.bucket);
  await allowBucketNotifications(clients.sqs, spec.eventsQueue, spec.bucket);
  const filter = { Key: { FilterRules: [{ Name: 'prefix' as const, Value: PHOTO_OBJECT_PREFIX }] } };
  await clients.s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: spec.bucket,
      NotificationConfiguration: {
        QueueConfigurations: [
          { Id: 'photos-created', QueueArn: spec.eventsQueue.arn, Events: ['s3:ObjectCreated:*'], Filter: filter },
          { Id: 'photos-removed', QueueArn: spec.eventsQueue.arn, Events: ['s3:ObjectRemoved:*'], Filter: filter },
        ],
      },
    }),
  );
}

import { DeleteBucketCommand, DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createS3Client, provisionPhotoBucket, SqsQueueSource } from '../../src/index.js';
import { motoClientConfig } from '../support/moto-clients.js';
import { createMotoQueue, type MotoQueue } from '../sqs/moto-queue.js';
import { uniqueBucketName } from './moto-bucket.js';

const s3 = createS3Client(motoClientConfig());
let events: MotoQueue;
let bucket: string;

beforeEach(async () => {
  events = await createMotoQueue('photo-events', { maxReceiveCount: 2 });
  bucket = uniqueBucketName('provision');
  await provisionPhotoBucket({ s3, sqs: events.client }, { bucket, eventsQueue: events.queue });
});

afterEach(async () => {
  for (const key of ['photos/u-1/p 1', 'thumbnails/u-1/p 1']) await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
  await events.remove();
});

/** Every message now in a queue (moto delivers a notification before answering the S3 call that caused it). */
async function drain(queueUrl: string): Promise<SQSRecord[]> {
  const source = new SqsQueueSource({ client: events.client, queueUrl, waitTimeSeconds: 0 });
  const messages: SQSRecord[] = [];
  for (let batch = await source.receive(new AbortController().signal); batch.length > 0; batch = await source.receive(new AbortController().signal)) {
    messages.push(...batch);
    await source.delete(batch);
  }
  return messages;
}

interface S3EventBody {
  readonly Event?: string;
  readonly Records?: readonly { eventName: string; s3: { bucket: { name: string }; object: { key: string } } }[];
}

const summary = (message: SQSRecord): string => {
  const body = JSON.parse(message.body) as S3EventBody;
  if (body.Event !== undefined) return body.Event;
  return body.Records!.map((record) =>
    `${record.eventName} ${record.s3.bucket.name} ${decodeURIComponent(record.s3.object.key.replace(/\+/gu, ' '))}`).join(', ');
};

describe('provisionPhotoBucket and provisionQueue on moto_server', () => {
  it('notifies the queue of objects created and removed under photos/, after a test event, and of nothing else', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'thumbnails/u-1/p 1', Body: 'thumb', ContentType: 'image/webp' }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'photos/u-1/p 1', Body: 'photo', ContentType: 'image/png' }));
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'thumbnails/u-1/p 1' }));
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'photos/u-1/p 1' }));

    expect((await drain(events.queue.url)).map(summary)).toEqual([
      's3:TestEvent',
      `ObjectCreated:Put ${bucket} photos/u-1/p 1`,
      `ObjectRemoved:Delete ${bucket} photos/u-1/p 1`,
    ]);
  });

  it('lets only this bucket send to the queue, and moves a message received maxReceiveCount times to the dead-letter queue', async () => {
    const { Attributes } = await events.client.send(
      new GetQueueAttributesCommand({ QueueUrl: events.queue.url, AttributeNames: ['Policy', 'RedrivePolicy', 'VisibilityTimeout'] }),
    );
    expect(JSON.parse(Attributes!.Policy!).Statement).toEqual([
      {
        Sid: 'PhotosBucketNotifications',
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: events.queue.arn,
        Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:s3:::${bucket}` } },
      },
    ]);
    expect(JSON.parse(Attributes!.RedrivePolicy!)).toEqual({ deadLetterTargetArn: events.queue.deadLetterArn, maxReceiveCount: 2 });
    expect(Attributes!.VisibilityTimeout).toBe('360');

    await drain(events.queue.url);
    await events.client.send(new SendMessageCommand({ QueueUrl: events.queue.url, MessageBody: 'poison' }));
    const source = new SqsQueueSource({ client: events.client, queueUrl: events.queue.url, waitTimeSeconds: 0, visibilityTimeoutSeconds: 0 });
    const signal = new AbortController().signal;
    expect((await source.receive(signal)).map((message) => message.body)).toEqual(['poison']);
    expect((await source.receive(signal)).map((message) => message.body)).toEqual(['poison']);
    expect(await source.receive(signal)).toEqual([]);
    expect((await drain(events.queue.deadLetterUrl)).map((message) => message.body)).toEqual(['poison']);
  });

  it('can run again on what it made (start:aws-local reuses a running moto_server)', async () => {
    await expect(provisionPhotoBucket({ s3, sqs: events.client }, { bucket, eventsQueue: events.queue })).resolves.toBeUndefined();
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'photos/u-1/p 1', Body: 'photo' }));
    expect((await drain(events.queue.url)).map(summary)).toEqual([
      's3:TestEvent',
      's3:TestEvent',
      `ObjectCreated:Put ${bucket} photos/u-1/p 1`,
    ]);
  });
});

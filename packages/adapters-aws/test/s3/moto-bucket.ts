import { randomUUID } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createS3Client } from '../../src/index.js';
import { motoClientConfig } from '../support/moto-clients.js';

/** A bucket of the test's own on the shared moto_server, and the client that made it. */
export interface MotoBucket {
  readonly client: S3Client;
  readonly bucket: string;
  /** Empties and deletes the bucket. */
  readonly remove: () => Promise<void>;
}

/** A bucket name no other test uses (lowercase, 3..63 characters). */
export const uniqueBucketName = (purpose: string): string => `hdoc-test-${purpose}-${randomUUID().slice(0, 12)}`;

/** Creates a fresh bucket; tests isolate themselves by bucket. */
export async function createMotoBucket(purpose: string): Promise<MotoBucket> {
  const client = createS3Client(motoClientConfig());
  const bucket = uniqueBucketName(purpose);
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const remove = async (): Promise<void> => {
    // Test cleanup only: the adapters never list a bucket.
    const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
    const objects = (listed.Contents ?? []).map(({ Key }) => ({ Key }));
    if (objects.length > 0) await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects } }));
    await client.send(new DeleteBucketCommand({ Bucket: bucket }));
    client.destroy();
  };
  return { client, bucket, remove };
}

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { provisionTables, tableNames } from '../dynamodb/tables.js';
import { provisionPhotoBucket } from '../s3/provision-bucket.js';
import { provisionQueue } from '../sqs/provision-queues.js';
import { DYNAMODB_LOCAL_CLIENT_SETTINGS, startDynamoDbLocal } from './dynamodb-local.js';
import { startMotoServer } from './moto-server.js';

/** Region and dummy credentials of every local emulator (they accept any). */
export const LOCAL_AWS_SETTINGS = DYNAMODB_LOCAL_CLIENT_SETTINGS;

/** The AWS side of the production path on this machine, provisioned. */
export interface LocalStack {
  /** The variables the apps read to use it (ADAPTERS=aws and every resource name and endpoint). */
  readonly environment: Readonly<Record<string, string>>;
  /** Stops the emulators this call started (reused ones are left running). */
  stop(): Promise<void>;
}

/** Where to find emulators already running, and the names to provision. */
export interface LocalStackOptions {
  /** Prefix of the tables, bucket and queues (default `hdoc-local`). */
  readonly prefix?: string;
  /** A running moto_server to reuse (else one is started on a free port). */
  readonly motoEndpoint?: string | undefined;
  /** A running DynamoDB Local to reuse (else one is started on a free port). */
  readonly dynamoDbEndpoint?: string | undefined;
}

/**
 * Starts (or reuses) DynamoDB Local and moto_server and provisions what the SAM template creates in
 * AWS, with SDK calls: the challenge and photos tables, the verification and photo-events queues with
 * their dead-letter queues and redrive, and the image bucket notifying the photo-events queue of
 * `photos/` (moto delivers real S3 event messages; no forwarding code of ours). Provisioning is
 * idempotent, so a reused emulator keeps its data.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const prefix = options.prefix ?? 'hdoc-local';
  const started: { stop(): Promise<void> }[] = [];
  try {
    const dynamoDbEndpoint = options.dynamoDbEndpoint ?? (await remember(started, startDynamoDbLocal())).endpoint;
    const motoEndpoint = options.motoEndpoint ?? (await remember(started, startMotoServer())).endpoint;
    const settings = { ...LOCAL_AWS_SETTINGS };
    const dynamoDb = new DynamoDBClient({ ...settings, endpoint: dynamoDbEndpoint });
    const sqs = new SQSClient({ ...settings, endpoint: motoEndpoint });
    const s3 = new S3Client({ ...settings, endpoint: motoEndpoint, forcePathStyle: true });
    try {
      const tables = tableNames(prefix);
      await provisionTables(dynamoDb, tables);
      const verification = await provisionQueue(sqs, { name: `${prefix}-verification` });
      const photoEvents = await provisionQueue(sqs, { name: `${prefix}-photo-events` });
      const bucket = `${prefix}-photos`;
      await provisionPhotoBucket({ s3, sqs }, { bucket, eventsQueue: photoEvents });
      return {
        environment: {
          ADAPTERS: 'aws',
          AWS_REGION: settings.region,
          AWS_ACCESS_KEY_ID: settings.credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: settings.credentials.secretAccessKey,
          AWS_ENDPOINT_URL: motoEndpoint,
          AWS_ENDPOINT_URL_DYNAMODB: dynamoDbEndpoint,
          CHALLENGE_TABLE: tables.challenge,
          PHOTOS_TABLE: tables.photos,
          PHOTOS_BUCKET: bucket,
          VERIFICATION_QUEUE_URL: verification.url,
          PHOTO_EVENTS_QUEUE_URL: photoEvents.url,
        },
        stop: () => stopAll(started),
      };
    } finally {
      dynamoDb.destroy();
      sqs.destroy();
      s3.destroy();
    }
  } catch (error) {
    await stopAll(started);
    throw error;
  }
}

async function remember<T extends { stop(): Promise<void> }>(started: { stop(): Promise<void> }[], starting: Promise<T>): Promise<T> {
  const server = await starting;
  started.push(server);
  return server;
}

async function stopAll(started: readonly { stop(): Promise<void> }[]): Promise<void> {
  await Promise.all(started.map((server) => server.stop()));
}

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { Redis } from 'ioredis';
import type pg from 'pg';

/** An SDK client the store assemblies create. */
export type InstrumentableAwsClient = DynamoDBClient | S3Client | SQSClient;

/**
 * Hooks the store assemblies call once with each client they create, before its first use, so a host
 * can observe what the adapters send (the `aws-calls` benchmark counts calls per request this way).
 * Production passes none: then no client is touched.
 */
export interface StoreInstrumentation {
  /** Each DynamoDB, S3 and SQS client (add middleware with `client.middlewareStack.add`). */
  readonly onAwsClient?: (client: InstrumentableAwsClient) => void;
  /** The users' PostgreSQL pool. */
  readonly onPostgresPool?: (pool: pg.Pool) => void;
  /** Each ioredis client (identity stores, leaderboard). */
  readonly onRedis?: (client: Redis) => void;
}

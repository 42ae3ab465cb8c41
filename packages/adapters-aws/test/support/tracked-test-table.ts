import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll } from 'vitest';
import type { TableNames } from '../../src/dynamodb/tables.js';
import { dynamoDbLocalClient, provisionTestTables } from './dynamodb-clients.js';
import { trackWrittenPartitions } from './dynamodb-written-partitions.js';

/** A test file's table on DynamoDB Local, shared by its subjects. */
export interface TrackedTestTable {
  readonly client: DynamoDBClient;
  /** The table's name (known once the file's tables exist). */
  tableName(): string;
  /** Deletes every partition written since the last call: each subject starts from an empty table. */
  clear(): Promise<void>;
}

/**
 * The stage's tables under a fresh prefix for one test file (created before its tests, dropped after),
 * and the writes to the `kind` table tracked so a subject's cleanup empties it again.
 */
export function useTrackedTestTable(kind: keyof TableNames): TrackedTestTable {
  const client = dynamoDbLocalClient();
  let tables: Awaited<ReturnType<typeof provisionTestTables>> | undefined;
  let written: ReturnType<typeof trackWrittenPartitions> | undefined;
  beforeAll(async () => {
    tables = await provisionTestTables(client);
    written = trackWrittenPartitions(client, tables.names[kind]);
  });
  afterAll(async () => {
    await tables?.drop();
    client.destroy();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test tables are not provisioned yet (use them inside tests)');
    return value;
  };
  return {
    client,
    tableName: () => ready(tables).names[kind],
    clear: () => ready(written).clear(),
  };
}

import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describeLeaderboardContract } from '@hdoc/contract-tests';
import { afterAll, beforeAll, vi } from 'vitest';
import { DynamoDbLeaderboard } from '../../src/dynamodb/leaderboard/dynamodb-leaderboard.js';
import { dynamoDbLocalClient, provisionTestTables } from '../support/dynamodb-clients.js';
import { trackWrittenPartitions } from '../support/dynamodb-written-partitions.js';

// Every property run fills a fresh board through round trips to DynamoDB Local.
vi.setConfig({ testTimeout: 180_000 });

const client = dynamoDbLocalClient();
let tables: Awaited<ReturnType<typeof provisionTestTables>>;
let written: ReturnType<typeof trackWrittenPartitions>;
beforeAll(async () => {
  tables = await provisionTestTables(client);
  written = trackWrittenPartitions(client, tables.names.challenge);
});
afterAll(async () => {
  await tables.drop();
  client.destroy();
});

// One table per file; every subject starts from an empty board: its cleanup deletes what it wrote
// (standings and counts), and deleting a standing takes it out of both order indexes.
describeLeaderboardContract(
  'DynamoDbLeaderboard on DynamoDB Local',
  async () => ({
    leaderboard: new DynamoDbLeaderboard({ client: DynamoDBDocumentClient.from(client), tableName: tables.names.challenge }),
    cleanup: () => written.clear(),
  }),
  { propertyRuns: 25 },
);

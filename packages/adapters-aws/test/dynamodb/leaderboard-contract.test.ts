import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describeLeaderboardContract } from '@hdoc/contract-tests';
import { vi } from 'vitest';
import { DynamoDbLeaderboard } from '../../src/dynamodb/leaderboard/dynamodb-leaderboard.js';
import { useTrackedTestTable } from '../support/tracked-test-table.js';

// Every property run fills a fresh board through round trips to DynamoDB Local.
vi.setConfig({ testTimeout: 180_000 });

const table = useTrackedTestTable('challenge');
const { client } = table;

// One table per file; every subject starts from an empty board: its cleanup deletes what it wrote
// (standings and counts), and deleting a standing takes it out of both order indexes.
describeLeaderboardContract(
  'DynamoDbLeaderboard on DynamoDB Local',
  async () => ({
    leaderboard: new DynamoDbLeaderboard({ client: DynamoDBDocumentClient.from(client), tableName: table.tableName() }),
    cleanup: () => table.clear(),
  }),
  { propertyRuns: 25 },
);

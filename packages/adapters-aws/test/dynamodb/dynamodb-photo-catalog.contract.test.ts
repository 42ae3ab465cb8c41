import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describePhotoCatalogContract } from '@hdoc/contract-tests';
import { afterAll, beforeAll, vi } from 'vitest';
import { DynamoDbPhotoCatalog } from '../../src/dynamodb/photos/dynamodb-photo-catalog.js';
import { dynamoDbLocalClient, provisionTestTables } from '../support/dynamodb-clients.js';
import { trackWrittenPartitions } from '../support/dynamodb-written-partitions.js';

// The property tests save and page through hundreds of photos, each a round trip to DynamoDB Local.
vi.setConfig({ testTimeout: 180_000 });

const client = dynamoDbLocalClient();
let tables: Awaited<ReturnType<typeof provisionTestTables>>;
let written: ReturnType<typeof trackWrittenPartitions>;
beforeAll(async () => {
  tables = await provisionTestTables(client);
  written = trackWrittenPartitions(client, tables.names.photos);
});
afterAll(async () => {
  await tables.drop();
  client.destroy();
});

// One table per file; every subject starts from an empty one: its cleanup deletes what it wrote.
describePhotoCatalogContract('DynamoDbPhotoCatalog on DynamoDB Local', async () => ({
  catalog: new DynamoDbPhotoCatalog({ client: DynamoDBDocumentClient.from(client), tableName: tables.names.photos }),
  cleanup: () => written.clear(),
}));

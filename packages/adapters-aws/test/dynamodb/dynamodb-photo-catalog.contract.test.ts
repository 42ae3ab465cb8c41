import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describePhotoCatalogContract } from '@hdoc/contract-tests';
import { vi } from 'vitest';
import { DynamoDbPhotoCatalog } from '../../src/dynamodb/photos/dynamodb-photo-catalog.js';
import { useTrackedTestTable } from '../support/tracked-test-table.js';

// The property tests save and page through hundreds of photos, each a round trip to DynamoDB Local.
vi.setConfig({ testTimeout: 180_000 });

const table = useTrackedTestTable('photos');
const { client } = table;

// One table per file; every subject starts from an empty one: its cleanup deletes what it wrote.
describePhotoCatalogContract('DynamoDbPhotoCatalog on DynamoDB Local', async () => ({
  catalog: new DynamoDbPhotoCatalog({ client: DynamoDBDocumentClient.from(client), tableName: table.tableName() }),
  cleanup: () => table.clear(),
}));

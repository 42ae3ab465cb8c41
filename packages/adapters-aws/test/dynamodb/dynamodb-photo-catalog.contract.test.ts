import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describePhotoCatalogContract } from '@hdoc/contract-tests';
import { vi } from 'vitest';
import { DynamoDbPhotoCatalog, TRANSACTION_ITEM_LIMITS } from '../../src/dynamodb/photos/dynamodb-photo-catalog.js';
import { useTrackedTestTable } from '../support/tracked-test-table.js';

// The property tests save and page through hundreds of photos, each a round trip to DynamoDB Local.
vi.setConfig({ testTimeout: 180_000 });

const table = useTrackedTestTable('photos');
const { client } = table;

// One table per file; every subject starts from an empty one: its cleanup deletes what it wrote.
// Saves are transactions up to DynamoDB Local's cap; with a cap of 1, every save that changes index items takes the steps.
for (const [name, maxTransactionItems] of [['', TRANSACTION_ITEM_LIMITS.dynamoDbLocal], [', saves in steps', 1]] as const) {
  describePhotoCatalogContract(`DynamoDbPhotoCatalog on DynamoDB Local${name}`, async () => ({
    catalog: new DynamoDbPhotoCatalog({ client: DynamoDBDocumentClient.from(client), tableName: table.tableName(), maxTransactionItems }),
    cleanup: () => table.clear(),
  }));
}

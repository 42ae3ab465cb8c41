import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describeEntryRepositoryContract, describeProfileRepositoryContract } from '@hdoc/contract-tests';
import { vi } from 'vitest';
import { DynamoDbEntryRepository } from '../../src/dynamodb/challenge/dynamodb-entry-repository.js';
import { DynamoDbProfileRepository } from '../../src/dynamodb/challenge/dynamodb-profile-repository.js';
import { useTrackedTestTable } from '../support/tracked-test-table.js';

// The model-based tests run 40 sequences of writes, each a round trip to DynamoDB Local.
vi.setConfig({ testTimeout: 120_000 });

const table = useTrackedTestTable('challenge');
const { client } = table;
const documents = DynamoDBDocumentClient.from(client);

// One table for the file; every subject starts from an empty one: its cleanup deletes what it wrote.
describeProfileRepositoryContract('DynamoDbProfileRepository on DynamoDB Local', async () => ({
  repository: new DynamoDbProfileRepository({ client: documents, tableName: table.tableName() }),
  cleanup: () => table.clear(),
}));

describeEntryRepositoryContract('DynamoDbEntryRepository on DynamoDB Local', async () => ({
  repository: new DynamoDbEntryRepository({ client: documents, tableName: table.tableName() }),
  cleanup: () => table.clear(),
}));

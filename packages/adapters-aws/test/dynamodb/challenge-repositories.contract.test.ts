import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describeEntryRepositoryContract, describeProfileRepositoryContract } from '@hdoc/contract-tests';
import { afterAll, beforeAll, vi } from 'vitest';
import { DynamoDbEntryRepository } from '../../src/dynamodb/challenge/dynamodb-entry-repository.js';
import { DynamoDbProfileRepository } from '../../src/dynamodb/challenge/dynamodb-profile-repository.js';
import { dynamoDbLocalClient, provisionTestTables } from '../support/dynamodb-clients.js';
import { trackWrittenPartitions } from '../support/dynamodb-written-partitions.js';

// The model-based tests run 40 sequences of writes, each a round trip to DynamoDB Local.
vi.setConfig({ testTimeout: 120_000 });

const client = dynamoDbLocalClient();
const documents = DynamoDBDocumentClient.from(client);
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

// One table for the file; every subject starts from an empty one: its cleanup deletes what it wrote.
describeProfileRepositoryContract('DynamoDbProfileRepository on DynamoDB Local', async () => ({
  repository: new DynamoDbProfileRepository({ client: documents, tableName: tables.names.challenge }),
  cleanup: () => written.clear(),
}));

describeEntryRepositoryContract('DynamoDbEntryRepository on DynamoDB Local', async () => ({
  repository: new DynamoDbEntryRepository({ client: documents, tableName: tables.names.challenge }),
  cleanup: () => written.clear(),
}));

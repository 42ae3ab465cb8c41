import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { PHOTO_LIST_INDEXES, provisionTables, TTL_ATTRIBUTE } from '../../src/dynamodb/tables.js';
import { dynamoDbLocalClient, provisionTestTables } from '../support/dynamodb-clients.js';

const client = dynamoDbLocalClient();
afterAll(() => client.destroy());

describe('provisionTables on DynamoDB Local', () => {
  it('creates both tables with their indexes and TTL, and a second run changes nothing', async () => {
    const tables = await provisionTestTables(client);
    try {
      await provisionTables(client, tables.names);
      const photos = await client.send(new DescribeTableCommand({ TableName: tables.names.photos }));
      expect(photos.Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(
        Object.values(PHOTO_LIST_INDEXES)
          .map((index) => index.indexName)
          .sort(),
      );
      for (const tableName of Object.values(tables.names)) {
        const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
        expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: TTL_ATTRIBUTE });
      }
    } finally {
      await tables.drop();
    }
  });
});

import { randomBytes } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { DYNAMODB_LOCAL_CLIENT_SETTINGS } from '../../src/local/dynamodb-local.js';
import { provisionTables, tableNames, type TableNames } from '../../src/dynamodb/tables.js';

/** A DynamoDB client of the run's DynamoDB Local (fixed region, dummy credentials), with optional overrides. */
export function dynamoDbLocalClient(overrides: DynamoDBClientConfig = {}): DynamoDBClient {
  return new DynamoDBClient({ ...DYNAMODB_LOCAL_CLIENT_SETTINGS, endpoint: inject('dynamoEndpoint'), ...overrides });
}

/** A name prefix no other test file or subject uses: `test-<12 hex>`. */
export function uniqueTablePrefix(): string {
  return `test-${randomBytes(6).toString('hex')}`;
}

/** Creates the stage's tables under a fresh prefix; `drop` deletes them again. */
export async function provisionTestTables(
  client: DynamoDBClient,
): Promise<{ readonly names: TableNames; drop(): Promise<void> }> {
  const names = tableNames(uniqueTablePrefix());
  await provisionTables(client, names);
  return {
    names,
    drop: async () => {
      for (const tableName of Object.values(names)) await client.send(new DeleteTableCommand({ TableName: tableName }));
    },
  };
}

import type { CreateTableCommandInput, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CreateTableCommand,
  DescribeTimeToLiveCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';

/** The physical names of the two tables of one stage (or one test file). */
export interface TableNames {
  readonly challenge: string;
  readonly photos: string;
}

/** `<prefix>-challenge` and `<prefix>-photos`; the SAM template's prefix is `hdoc-<stage>`. */
export function tableNames(prefix: string): TableNames {
  return { challenge: `${prefix}-challenge`, photos: `${prefix}-photos` };
}

/** The attribute DynamoDB's TTL reads on both tables (epoch seconds); reads still filter expired items in code. */
export const TTL_ATTRIBUTE = 'expires_at';

/** The photo list indexes: one per order, all partitioned by the list an item belongs to (see docs/data-model.md). */
export const PHOTO_LIST_INDEXES = {
  uploaded_at: { indexName: 'by_uploaded', sortKey: 'uploaded_sk' },
  taken_at: { indexName: 'by_taken', sortKey: 'taken_sk' },
  filename: { indexName: 'by_filename', sortKey: 'filename_sk' },
  size: { indexName: 'by_size', sortKey: 'size_sk' },
  created: { indexName: 'by_created', sortKey: 'created_sk' },
} as const;

/** The hash key of every photo list index. */
export const PHOTO_LIST_PARTITION = 'list_pk';

const string = (name: string) => ({ AttributeName: name, AttributeType: 'S' as const });

/**
 * The leaderboard's order indexes on the challenge table, both ranged by `lb_sk` (leaderboard order as
 * bytes): `lb_order` holds every participant under one partition, `lb_status_order` one partition per status.
 */
export const LEADERBOARD_INDEXES = {
  all: { indexName: 'lb_order', partitionKey: 'lb_all' },
  status: { indexName: 'lb_status_order', partitionKey: 'lb_status' },
} as const;

/** The range key of both leaderboard indexes. */
export const LEADERBOARD_SORT_KEY = 'lb_sk';

/**
 * The challenge table (profiles, entries, leaderboard): pk/sk, the overloaded `gsi1` (the due reads) as in
 * deploy/template.yaml, and the leaderboard's two order indexes. The one definition the test setup, the
 * local stack and (later) the template tests read.
 */
export function challengeTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      string('pk'),
      string('sk'),
      string('gsi1pk'),
      string('gsi1sk'),
      ...Object.values(LEADERBOARD_INDEXES).map((index) => string(index.partitionKey)),
      string(LEADERBOARD_SORT_KEY),
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'gsi1',
        KeySchema: [
          { AttributeName: 'gsi1pk', KeyType: 'HASH' },
          { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
      ...Object.values(LEADERBOARD_INDEXES).map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
          { AttributeName: LEADERBOARD_SORT_KEY, KeyType: 'RANGE' as const },
        ],
        Projection: { ProjectionType: 'ALL' as const },
      })),
    ],
  };
}

/**
 * The photos table: records and their index items under pk/sk, and one sparse index per list
 * order (projection ALL, so a page of the owner's photos is one Query with no follow-up reads).
 */
export function photosTableDefinition(tableName: string): CreateTableCommandInput {
  const indexes = Object.values(PHOTO_LIST_INDEXES);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      string('pk'),
      string('sk'),
      string(PHOTO_LIST_PARTITION),
      ...indexes.map((index) => string(index.sortKey)),
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: indexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: PHOTO_LIST_PARTITION, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}

/**
 * Creates the tables that do not exist yet, waits until they are active and turns TTL on
 * (`expires_at`). Existing tables are left as they are, so a second run changes nothing.
 */
export async function provisionTables(client: DynamoDBClient, names: TableNames): Promise<void> {
  const definitions = [challengeTableDefinition(names.challenge), photosTableDefinition(names.photos)];
  for (const definition of definitions) {
    const tableName = definition.TableName!;
    try {
      await client.send(new CreateTableCommand(definition));
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
    }
    await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1 }, { TableName: tableName });
    // Enabling TTL twice is an error on AWS: only a table without it gets the update.
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
    if (status === 'ENABLED' || status === 'ENABLING') continue;
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      }),
    );
  }
}

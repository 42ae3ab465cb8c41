import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';

/** The `pk` values of a marshalled item or key. */
function pkOf(entry: { pk?: { S?: string } } | undefined): string | undefined {
  return entry?.pk?.S;
}

/**
 * Watches a client (an SDK middleware, so the adapter under test runs unchanged) and remembers
 * every partition its writes touched; `clear` deletes every item of those partitions. Contract
 * subjects share one table per test file this way, each starting from an empty one.
 */
export function trackWrittenPartitions(client: DynamoDBClient, tableName: string): { clear(): Promise<void> } {
  const partitions = new Set<string>();
  client.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as {
        Item?: { pk?: { S?: string } };
        TransactItems?: { Put?: { Item?: { pk?: { S?: string } } }; Delete?: { Key?: { pk?: { S?: string } } } }[];
      };
      for (const pk of [pkOf(input.Item), ...(input.TransactItems ?? []).map((action) => pkOf(action.Put?.Item ?? action.Delete?.Key))]) {
        if (pk !== undefined) partitions.add(pk);
      }
      return next(args);
    },
    { step: 'build', name: 'trackWrittenPartitions' },
  );
  const documents = DynamoDBDocumentClient.from(client);
  return {
    clear: async () => {
      for (const pk of partitions) {
        let startKey: Record<string, unknown> | undefined;
        do {
          const page = await documents.send(
            new QueryCommand({
              TableName: tableName,
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': pk },
              ProjectionExpression: 'pk, sk',
              ExclusiveStartKey: startKey,
            }),
          );
          const keys = page.Items ?? [];
          for (let i = 0; i < keys.length; i += 25) {
            const batch = keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
            await documents.send(new BatchWriteCommand({ RequestItems: { [tableName]: batch } }));
          }
          startKey = page.LastEvaluatedKey;
        } while (startKey !== undefined);
      }
      partitions.clear();
    },
  };
}

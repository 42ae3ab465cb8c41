import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';

type Marshalled = { pk?: { S?: string } };
type Write = { Item?: Marshalled; Key?: Marshalled };

/** The partitions a write names: PutItem, UpdateItem, DeleteItem, BatchWriteItem and TransactWriteItems inputs. */
function partitionsOf(input: {
  Item?: Marshalled;
  Key?: Marshalled;
  RequestItems?: Record<string, { PutRequest?: Write; DeleteRequest?: Write }[]>;
  TransactItems?: { Put?: Write; Update?: Write; Delete?: Write; ConditionCheck?: Write }[];
}): (string | undefined)[] {
  const writes: (Write | undefined)[] = [
    input,
    ...Object.values(input.RequestItems ?? {}).flatMap((requests) => requests.map((r) => r.PutRequest ?? r.DeleteRequest)),
    ...(input.TransactItems ?? []).map((action) => action.Put ?? action.Update ?? action.Delete),
  ];
  return writes.map((write) => (write?.Item ?? write?.Key)?.pk?.S);
}

/**
 * Watches a client (an SDK middleware, so the adapter under test runs unchanged) and remembers
 * every partition its writes touched; `clear` deletes every item of those partitions. Contract
 * subjects share one table per test file this way, each starting from an empty one.
 */
export function trackWrittenPartitions(client: DynamoDBClient, tableName: string): { clear(): Promise<void> } {
  const partitions = new Set<string>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      // Reads name keys too (GetItem's Key): only writes count.
      if (!/^(Get|Query|BatchGet)/.test(String(context.commandName))) {
        for (const pk of partitionsOf(args.input as Parameters<typeof partitionsOf>[0])) if (pk !== undefined) partitions.add(pk);
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

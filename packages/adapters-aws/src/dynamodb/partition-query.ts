import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';

type Item = Record<string, unknown>;

/**
 * Every item of one partition (only those whose sort key starts with `sortKeyPrefix`, when given), in
 * sort key order, strongly consistent, following LastEvaluatedKey: the read-before-write of the
 * adapters, whose partitions (a participant, a photo) hold one page in practice.
 */
export async function queryPartition(client: DynamoDBDocumentClient, tableName: string, pk: string, sortKeyPrefix?: string): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: sortKeyPrefix === undefined ? 'pk = :pk' : 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ...(sortKeyPrefix !== undefined && { ':prefix': sortKeyPrefix }) },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
}

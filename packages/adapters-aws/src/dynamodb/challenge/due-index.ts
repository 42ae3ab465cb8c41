import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dueBound } from './challenge-keys.js';
import type { Item } from './item-codec.js';

/**
 * At most `limit` items of a due partition of the sparse `gsi1` whose instant is at or before `dueBy`,
 * earliest first (ties as their sort keys say): one Query reading only what it returns (Limit
 * bounds it), however many items are not due. GSIs are eventually consistent, so an item may be
 * listed as it was before its last write: callers re-check what they act on.
 */
export async function queryDue(
  client: DynamoDBDocumentClient,
  tableName: string,
  partition: string,
  dueBy: Date,
  limit: number,
): Promise<Item[]> {
  const items: Item[] = [];
  if (limit < 1) return items;
  let startKey: Record<string, unknown> | undefined;
  // One page holds `limit` items (<= 100 of a few hundred bytes): the loop ends at once unless 1 MB is reached.
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi1', // challengeTableDefinition's overloaded index
        KeyConditionExpression: 'gsi1pk = :partition AND gsi1sk < :bound',
        ExpressionAttributeValues: { ':partition': partition, ':bound': dueBound(dueBy) },
        Limit: limit - items.length,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined && items.length < limit);
  return items;
}

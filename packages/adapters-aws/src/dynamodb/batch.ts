import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';

type Item = Record<string, unknown>;
type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

/** BatchWriteItem takes at most 25 requests, BatchGetItem 100 keys. */
const WRITE_BATCH = 25;
const GET_BATCH = 100;
/** Rounds for the requests DynamoDB answered as unprocessed (throttled), which the SDK does not retry. */
const UNPROCESSED_ROUNDS = 8;

/** Waits a random time up to 25 ms x 2^round (capped at 1 s), so writers that collided spread out. */
export const backoff = (round: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 25 * 2 ** round) * Math.random()));

/** Writes every request (in batches of 25), retrying unprocessed ones with backoff; throws if some stay unprocessed. */
export async function batchWriteAll(client: DynamoDBDocumentClient, tableName: string, requests: readonly WriteRequest[]): Promise<void> {
  for (let start = 0; start < requests.length; start += WRITE_BATCH) {
    let pending = requests.slice(start, start + WRITE_BATCH);
    for (let round = 0; pending.length > 0; round += 1) {
      if (round === UNPROCESSED_ROUNDS) throw new Error(`${pending.length} writes to ${tableName} stayed unprocessed`);
      if (round > 0) await backoff(round);
      const { UnprocessedItems } = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
    }
  }
}

/**
 * Reads every key (in batches of 100; eventually consistent unless `consistentRead`), retrying unprocessed
 * ones; answers the items found, in no order.
 */
export async function batchGetAll(client: DynamoDBDocumentClient, tableName: string, keys: readonly Item[], consistentRead = false): Promise<Item[]> {
  const found: Item[] = [];
  for (let start = 0; start < keys.length; start += GET_BATCH) {
    let pending = keys.slice(start, start + GET_BATCH);
    for (let round = 0; pending.length > 0; round += 1) {
      if (round === UNPROCESSED_ROUNDS) throw new Error(`${pending.length} reads from ${tableName} stayed unprocessed`);
      if (round > 0) await backoff(round);
      const { Responses, UnprocessedKeys } = await client.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: consistentRead } } }),
      );
      found.push(...(Responses?.[tableName] ?? []));
      pending = UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return found;
}

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

type Consumed = { CapacityUnits?: number };

/**
 * Read capacity consumed through a client: an SDK middleware asks every read (GetItem, Query,
 * BatchGetItem) for `ReturnConsumedCapacity: TOTAL` (at the initialize step: later the request is
 * already serialised) and adds up what DynamoDB reports, so the
 * adapters measured run unchanged. Writes are not counted.
 */
export function meterReadCapacity(client: DynamoDBClient): { take(): number } {
  let units = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!/^(Get|Query|BatchGet)/.test(String(context.commandName))) return next(args);
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
      for (const entry of [consumed ?? []].flat()) units += entry.CapacityUnits ?? 0
      return result;
    },
    { step: 'initialize', name: 'meterReadCapacity' },
  );
  return {
    /** The units read since the last call. */
    take: () => {
      const taken = units;
      units = 0;
      return taken;
    },
  };
}

/** Runs `task(i)` for i in 0..count-1, at most `parallel` at a time. */
export async function forEachParallel(count: number, parallel: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

import type { DynamoDBDocumentClient, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { MAX_TOTAL_SCORE } from '@hdoc/domain';
import { bucketCountSortKey, bucketEnd, bucketOf, COUNTS_PARTITION, LAST_BUCKET, totalCountSortKey } from './leaderboard-keys.js';

/** Participants per total, for the totals a read asked about (absent totals have none). */
export type TotalCounts = ReadonlyMap<number, number>;

/** One action of a TransactWriteItems call. */
export type TransactAction = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * The per-total and per-bucket participant counts (see docs/data-model.md, "Leaderboard"): written in
 * the transaction that moves a standing, read to rank without reading the participants above.
 */
export class ScoreCounts {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * The count updates of a standing moving from total `from` to total `to` (null: not on the board).
   * Deltas on one item are summed and zero ones dropped, so a transaction never names an item twice
   * (DynamoDB refuses that) and an unchanged total writes no count: at most four updates.
   */
  changes(from: number | null, to: number | null): TransactAction[] {
    const deltas = new Map<string, number>();
    const add = (sk: string, delta: number): void => {
      deltas.set(sk, (deltas.get(sk) ?? 0) + delta);
    };
    for (const [total, delta] of [[from, -1], [to, 1]] as const) {
      if (total === null) continue;
      add(totalCountSortKey(total), delta);
      add(bucketCountSortKey(bucketOf(total)), delta);
    }
    return [...deltas]
      .filter(([, delta]) => delta !== 0)
      .map(([sk, delta]): TransactAction => ({
        Update: {
          TableName: this.tableName,
          Key: { pk: COUNTS_PARTITION, sk },
          UpdateExpression: 'ADD n :delta',
          ExpressionAttributeValues: { ':delta': delta },
        },
      }));
  }

  /** Counts of the totals from `low` to `high` (inclusive); no read when the range is empty. */
  async totals(low: number, high: number): Promise<TotalCounts> {
    const counts = new Map<number, number>();
    const [from, to] = [Math.max(0, low), Math.min(MAX_TOTAL_SCORE, high)];
    if (from > to) return counts;
    for (const item of await this.range(totalCountSortKey(from), totalCountSortKey(to))) {
      counts.set(Number(item.sk.slice(2)), item.n);
    }
    return counts;
  }

  /** Participants in the buckets above the one holding `total`. */
  async inBucketsAbove(total: number): Promise<number> {
    const bucket = bucketOf(total);
    if (bucket >= LAST_BUCKET) return 0;
    const items = await this.range(bucketCountSortKey(bucket + 1), bucketCountSortKey(LAST_BUCKET));
    return items.reduce((sum, item) => sum + item.n, 0);
  }

  /** Count items whose sort keys lie between `low` and `high`: one Query (pages only past 1 MB, never in practice). */
  private async range(low: string, high: string): Promise<{ sk: string; n: number }[]> {
    const items: { sk: string; n: number }[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
          ExpressionAttributeValues: { ':pk': COUNTS_PARTITION, ':low': low, ':high': high },
          ProjectionExpression: 'sk, n',
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...((page.Items ?? []) as { sk: string; n: number }[]));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items;
  }
}

/** Rank of `total` = 1 + those in higher buckets + those above it in its own bucket (`counts` must cover them). */
export function rankOfTotal(total: number, inBucketsAbove: number, counts: TotalCounts): number {
  return 1 + inBucketsAbove + sumBetween(counts, total, bucketEnd(total));
}

/**
 * The rank of `total` from a known one (`anchorRank` of `anchorTotal`): add the participants with a
 * total in (total, anchorTotal], or take away those in (anchorTotal, total]. `counts` must cover the range.
 */
export function shiftRank(anchorTotal: number, anchorRank: number, total: number, counts: TotalCounts): number {
  if (total <= anchorTotal) return anchorRank + sumBetween(counts, total, anchorTotal);
  return anchorRank - sumBetween(counts, anchorTotal, total);
}

/** Participants with a total in (low, high]. */
function sumBetween(counts: TotalCounts, low: number, high: number): number {
  let sum = 0;
  for (const [total, n] of counts) if (total > low && total <= high) sum += n;
  return sum;
}

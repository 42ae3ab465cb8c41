import type { DynamoDBDocumentClient, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { MAX_TOTAL_SCORE } from '@hdoc/domain';
import { bucketAttribute, bucketEnd, bucketOf, BUCKETS_KEY, COUNTS_PARTITION, LAST_BUCKET, totalCountSortKey } from './leaderboard-keys.js';

/** Participants per total, for the totals a read asked about (absent totals have none). */
export type TotalCounts = ReadonlyMap<number, number>;

/** The bucket item as read (null: no participant was ever counted). */
export type BucketCounts = Readonly<Record<string, unknown>> | null;

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
   * (DynamoDB refuses that) and an unchanged total writes no count: at most two total items and the
   * bucket item.
   */
  changes(from: number | null, to: number | null): TransactAction[] {
    const totals = new Map<number, number>();
    const buckets = new Map<number, number>();
    for (const [total, delta] of [[from, -1], [to, 1]] as const) {
      if (total === null) continue;
      totals.set(total, (totals.get(total) ?? 0) + delta);
      buckets.set(bucketOf(total), (buckets.get(bucketOf(total)) ?? 0) + delta);
    }
    const actions: TransactAction[] = [...totals]
      .filter(([, delta]) => delta !== 0)
      .map(([total, delta]) => this.add({ pk: COUNTS_PARTITION, sk: totalCountSortKey(total) }, { n: delta }));
    const bucketDeltas = [...buckets].filter(([, delta]) => delta !== 0);
    if (bucketDeltas.length > 0) {
      actions.push(this.add(BUCKETS_KEY, Object.fromEntries(bucketDeltas.map(([bucket, delta]) => [bucketAttribute(bucket), delta]))));
    }
    return actions;
  }

  /** One update adding each delta to its attribute of the item at `key`. */
  private add(key: { pk: string; sk: string }, deltas: Record<string, number>): TransactAction {
    const entries = Object.entries(deltas);
    return {
      Update: {
        TableName: this.tableName,
        Key: key,
        UpdateExpression: `ADD ${entries.map((_, i) => `#a${i} :d${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#a${i}`, name])),
        ExpressionAttributeValues: Object.fromEntries(entries.map(([, delta], i) => [`:d${i}`, delta])),
      },
    };
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

  /** The bucket item (eventually consistent, as the total ranges are). */
  async buckets(): Promise<BucketCounts> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: BUCKETS_KEY }));
    return Item ?? null;
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

/** Participants in the buckets above the one holding `total`, from the bucket item. */
export function inBucketsAbove(buckets: BucketCounts, total: number): number {
  let sum = 0;
  for (let bucket = bucketOf(total) + 1; bucket <= LAST_BUCKET; bucket += 1) sum += Number(buckets?.[bucketAttribute(bucket)] ?? 0);
  return sum;
}

/**
 * The count items that hold these totals (one per participant on the board), as `changes` would have
 * written them one by one: for seeding a table in a benchmark and for checking one in tests.
 */
export function countItemsOf(totals: readonly number[]): Record<string, unknown>[] {
  const perTotal = new Map<number, number>();
  const buckets: Record<string, number> = {};
  for (const total of totals) {
    perTotal.set(total, (perTotal.get(total) ?? 0) + 1);
    buckets[bucketAttribute(bucketOf(total))] = (buckets[bucketAttribute(bucketOf(total))] ?? 0) + 1;
  }
  return [...[...perTotal].map(([total, n]) => ({ pk: COUNTS_PARTITION, sk: totalCountSortKey(total), n })), { ...BUCKETS_KEY, ...buckets }];
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

import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  MAX_DAYS_COMPLETED,
  MAX_TOTAL_SCORE,
  PROFILE_STATUSES,
  StaleWriteError,
  withOptimisticRetry,
  type Leaderboard,
  type LeaderboardPageQuery,
  type LeaderboardPosition,
  type LeaderboardRow,
  type LeaderboardStanding,
  type Page,
} from '@hdoc/domain';
import { backoff, batchGetAll } from '../batch.js';
import { LEADERBOARD_INDEXES } from '../tables.js';
import { ALL_PARTITION, bucketEnd, BUCKETS_KEY, orderSortKey, standingKey, statusPartition } from './leaderboard-keys.js';
import { decodePageState, encodePageState, type LeaderboardPageState } from './leaderboard-page-cursor.js';
import { inBucketsAbove, rankOfTotal, ScoreCounts, shiftRank, type TransactAction } from './score-counts.js';
import { keysetOf, rowOf, sameStandingItem, standingItem, type StandingItem } from './standing-item.js';

/** Settings of a {@link DynamoDbLeaderboard}. */
export interface DynamoDbLeaderboardOptions {
  readonly client: DynamoDBDocumentClient;
  /** The challenge table (`tableNames(prefix).challenge`). */
  readonly tableName: string;
}

/**
 * Lost races before a write gives up with ConcurrentUpdateError. Every write of a new total touches
 * the shared count items, so parallel writers collide more often than on one profile.
 */
const WRITE_ATTEMPTS = 20;


/**
 * The Leaderboard on the challenge table (see docs/data-model.md, "Leaderboard"). A standing is one
 * item whose sort key `lb_sk` encodes leaderboard order, listed by two indexes: `lb_order` (everyone)
 * and `lb_status_order` (one partition per status), so a page is one Query after the cursor's key.
 * Per-total and per-bucket participant counts, moved in the same transaction as the standing, give a
 * competition rank from the one bucket item and at most 100 total items; pages carry the rank of their
 * last row in the cursor, so a deep page never counts the rows above it.
 */
export class DynamoDbLeaderboard implements Leaderboard {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly counts: ScoreCounts;

  constructor(options: DynamoDbLeaderboardOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.counts = new ScoreCounts(options.client, options.tableName);
  }

  async upsert(standing: LeaderboardStanding): Promise<void> {
    await this.write(`leaderboard standing of ${standing.githubUsername}`, standing.githubUsername, (held) =>
      this.moveActions(held === null ? null : { totalScore: held.total_score, version: held.version, item: held }, standing),
    );
  }

  /**
   * The actions that put `standing` on the board over the standing it holds (`held`, as read; null: none),
   * conditional on the board still holding that total (or nothing) and no newer version: the standing's
   * put and the count updates. Null when there is nothing to write: the board holds a newer version, or
   * this very standing (`held.item`, when the caller read the item). The participant progress store
   * puts them in the transaction that saves the profile.
   */
  moveActions(held: { totalScore: number; version: number; item?: StandingItem } | null, standing: LeaderboardStanding): TransactAction[] | null {
    const item = standingItem(standing);
    if (item.total_score > MAX_TOTAL_SCORE || item.days_completed > MAX_DAYS_COMPLETED) {
      throw new RangeError('leaderboard standing outside the challenge bounds');
    }
    if (!PROFILE_STATUSES.includes(standing.status)) {
      throw new RangeError(`leaderboard standing status must be one of ${PROFILE_STATUSES.join(', ')}`);
    }
    if (held !== null && (held.version > standing.version || (held.item !== undefined && sameStandingItem(held.item, item)))) return null;
    // The condition pins what the counts were derived from (the held total, or no item) and keeps
    // a newer version written meanwhile.
    const put = {
      TableName: this.tableName,
      Item: item,
      ...(held === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: 'total_score = :held AND version <= :version',
            ExpressionAttributeValues: { ':held': held.totalScore, ':version': standing.version },
          }),
    };
    return [{ Put: put }, ...this.counts.changes(held?.totalScore ?? null, item.total_score)];
  }

  async remove(githubUsername: string): Promise<void> {
    await this.write(`leaderboard standing of ${githubUsername}`, githubUsername, (held) => {
      if (held === null) return null;
      const remove = {
        TableName: this.tableName,
        Key: standingKey(githubUsername),
        ConditionExpression: 'total_score = :held',
        ExpressionAttributeValues: { ':held': held.total_score },
      };
      return [{ Delete: remove }, ...this.counts.changes(held.total_score, null)];
    });
  }

  async page(query: LeaderboardPageQuery): Promise<Page<LeaderboardRow>> {
    const after = query.cursor === undefined || query.cursor === null ? null : decodePageState(query.cursor);
    const index = query.status === undefined ? LEADERBOARD_INDEXES.all : LEADERBOARD_INDEXES.status;
    const partition = query.status === undefined ? ALL_PARTITION : statusPartition(query.status);
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index.indexName,
        KeyConditionExpression: `#partition = :partition${after === null ? '' : ' AND lb_sk > :after'}`,
        ExpressionAttributeNames: { '#partition': index.partitionKey },
        ExpressionAttributeValues: {
          ':partition': partition,
          ...(after !== null && { ':after': orderSortKey(after.keyset) }),
        },
        Limit: query.limit + 1,
      }),
    );
    const read = Items as StandingItem[];
    const items = read.slice(0, query.limit);
    // The full order read from its top ranks by position alone: a row whose total differs from the
    // previous one has exactly the rows before it above it.
    const byPosition = query.status === undefined && (after === null || after.position !== null);
    const ranks = byPosition ? ranksByPosition(items, after) : await this.ranksByCounts(items, after);
    const rows = items.map((item, i) => rowOf(item, ranks[i]!));
    const last = rows.at(-1);
    if (read.length <= query.limit || last === undefined) return { items: rows, nextCursor: null };
    const state: LeaderboardPageState = {
      keyset: keysetOf(last),
      rank: last.rank,
      position: byPosition ? (after?.position ?? 0) + rows.length : null,
    };
    return { items: rows, nextCursor: encodePageState(state) };
  }

  async position(githubUsername: string, neighbours: number): Promise<LeaderboardPosition | null> {
    // The standing and the bucket counts in one call: what the rank needs besides its own bucket's totals.
    const items = await batchGetAll(this.client, this.tableName, [standingKey(githubUsername), BUCKETS_KEY], true);
    const held = (items.find((item) => item.pk !== BUCKETS_KEY.pk) as StandingItem | undefined) ?? null;
    if (held === null) return null;
    const buckets = items.find((item) => item.pk === BUCKETS_KEY.pk) ?? null;
    const total = held.total_score;
    const [above, below] = await Promise.all([this.neighbours(held.lb_sk, neighbours, 'above'), this.neighbours(held.lb_sk, neighbours, 'below')]);
    above.reverse();
    // Totals strictly between the participant and the farthest neighbour all stand inside the window,
    // so this range holds at most a few more totals than the window has rows, plus the rank's bucket.
    // It starts at the participant's own total at the latest, so the read is never empty (a cost that
    // does not depend on how sparse the board is).
    const lowest = Math.min((below.at(-1)?.total_score ?? total) + 1, total);
    const highest = Math.max(above[0]?.total_score ?? total, bucketEnd(total));
    const counts = await this.counts.totals(lowest, highest);
    const rank = rankOfTotal(total, inBucketsAbove(buckets, total), counts);
    const ranked = (item: StandingItem): LeaderboardRow => rowOf(item, shiftRank(total, rank, item.total_score, counts));
    return { row: rowOf(held, rank), above: above.map(ranked), below: below.map(ranked) };
  }

  /** Ranks from the counts: the cursor's rank (or the first row's, read from the buckets) shifted by the totals between. */
  private async ranksByCounts(items: readonly StandingItem[], after: LeaderboardPageState | null): Promise<number[]> {
    const first = items[0];
    const last = items.at(-1);
    if (first === undefined || last === undefined) return [];
    let anchorTotal: number;
    let anchorRank: number;
    let counts;
    if (after !== null) {
      anchorTotal = after.keyset.totalScore;
      anchorRank = after.rank;
      counts = await this.counts.totals(last.total_score + 1, anchorTotal);
    } else {
      anchorTotal = first.total_score;
      let buckets;
      [counts, buckets] = await Promise.all([
        this.counts.totals(Math.min(last.total_score + 1, anchorTotal), bucketEnd(anchorTotal)),
        this.counts.buckets(),
      ]);
      anchorRank = rankOfTotal(anchorTotal, inBucketsAbove(buckets, anchorTotal), counts);
    }
    return items.map((item) => shiftRank(anchorTotal, anchorRank, item.total_score, counts));
  }

  /** Up to `count` rows next to a sort key in the full order, nearest first. */
  private async neighbours(sortKey: string, count: number, side: 'above' | 'below'): Promise<StandingItem[]> {
    if (count === 0) return [];
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: LEADERBOARD_INDEXES.all.indexName,
        KeyConditionExpression: `lb_all = :all AND lb_sk ${side === 'above' ? '<' : '>'} :at`,
        ExpressionAttributeValues: { ':all': ALL_PARTITION, ':at': sortKey },
        ScanIndexForward: side === 'below',
        Limit: count,
      }),
    );
    return Items as StandingItem[];
  }

  private async read(githubUsername: string): Promise<StandingItem | null> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: standingKey(githubUsername), ConsistentRead: true }),
    );
    return (Item as StandingItem | undefined) ?? null;
  }

  /**
   * Reads the held standing and commits the actions `plan` derives from it (null: nothing to do), in
   * one transaction whose conditions fail if the standing changed meanwhile; then re-reads and plans
   * again, after a jittered pause, as long as concurrent writers win.
   */
  private async write(what: string, githubUsername: string, plan: (held: StandingItem | null) => TransactAction[] | null): Promise<void> {
    let round = 0;
    await withOptimisticRetry(
      what,
      async () => {
        if (round > 0) await backoff(round);
        round += 1;
        const actions = plan(await this.read(githubUsername));
        if (actions === null) return;
        try {
          await this.client.send(new TransactWriteCommand({ TransactItems: actions }));
        } catch (error) {
          // Cancelled: a condition failed (the standing moved) or another transaction held an item.
          if (error instanceof TransactionCanceledException) throw new StaleWriteError(what);
          throw error;
        }
      },
      WRITE_ATTEMPTS,
    );
  }
}

/** Ranks of a page of the full order read from its top: position + 1 wherever the total changes. */
function ranksByPosition(items: readonly StandingItem[], after: LeaderboardPageState | null): number[] {
  let position = after?.position ?? 0;
  let previous = after === null ? null : { total: after.keyset.totalScore, rank: after.rank };
  return items.map((item) => {
    position += 1;
    const rank = previous !== null && previous.total === item.total_score ? previous.rank : position;
    previous = { total: item.total_score, rank };
    return rank;
  });
}

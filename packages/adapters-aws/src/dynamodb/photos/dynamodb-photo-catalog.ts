import type { PhotoCatalog, PhotoListQuery, PhotoListSlice, PhotoRecord } from '@hdoc/domain';
import { isVisiblePhoto, StaleWriteError } from '@hdoc/domain';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { PHOTO_LIST_PARTITION } from '../tables.js';
import { ownerPartition, recordSortKey, slotCount, slotSortKey } from './photo-keys.js';
import { recordItem, recordOf, slotItems } from './photo-item.js';
import type { ListSegment, PhotoListPlan } from './photo-list-plan.js';
import { planPhotoList } from './photo-list-plan.js';

/** Settings of a {@link DynamoDbPhotoCatalog}. */
export interface DynamoDbPhotoCatalogOptions {
  readonly client: DynamoDBDocumentClient;
  /** The photos table (`tableNames(prefix).photos`). */
  readonly tableName: string;
  /**
   * Items one list request may read beyond a full page while a residual filter (a second filter,
   * or a date range under a sort other than uploaded_at) discards them: once past it, a page that
   * holds at least one photo is returned short, with more to follow. Default 500.
   */
  readonly readBudget?: number;
}

/** Items a Query asks for while a residual filter is discarding some of them. */
const RESIDUAL_CHUNK = 100;
/** Attempts of a transaction that lost a race against another transaction on the same items. */
const TRANSACTION_ATTEMPTS = 5;

/**
 * The photo catalog on DynamoDB (see docs/data-model.md). A record is one item under its owner's
 * partition; each visible record also has 2 + tags "slot" items (a copy of it for all of the
 * owner's photos of its status, for its content type and for each tag), which sparse indexes order
 * by each sort. A save is one transaction, conditional on the stored version: at most 1 record +
 * 22 slots (20 tags), within DynamoDB Local's 25 actions. Reads are GetItem and Query only.
 */
export class DynamoDbPhotoCatalog implements PhotoCatalog {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly readBudget: number;

  constructor(options: DynamoDbPhotoCatalogOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.readBudget = options.readBudget ?? 500;
  }

  async get(ownerId: string, photoId: string): Promise<PhotoRecord | null> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: ownerPartition(ownerId), sk: recordSortKey(photoId) },
        ConsistentRead: true,
      }),
    );
    return Item === undefined ? null : recordOf(Item);
  }

  /**
   * Reads the stored version and slot count (a strongly consistent GetItem: the slots to delete
   * depend on the stored record), then writes the record, puts the new slots and deletes the
   * surplus old ones in one transaction whose record put is conditional on that version.
   */
  async save(record: PhotoRecord): Promise<void> {
    const key = { pk: ownerPartition(record.ownerId), sk: recordSortKey(record.id) };
    const { Item: stored } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: key,
        ConsistentRead: true,
        ProjectionExpression: '#version, #status, #tags',
        ExpressionAttributeNames: { '#version': 'version', '#status': 'status', '#tags': 'tags' },
      }),
    );
    const storedVersion = stored === undefined ? 0 : Number(stored.version);
    if (storedVersion !== record.version - 1) throw new StaleWriteError(`photo ${record.id}`);
    const oldSlots = stored === undefined ? 0 : slotCount(stored.status as PhotoRecord['status'], (stored.tags as unknown[]).length);
    const slots = slotItems(record);
    const input: TransactWriteCommandInput = {
      TransactItems: [
        {
          Put: {
            TableName: this.tableName,
            Item: recordItem(record),
            ...(stored === undefined
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : {
                  ConditionExpression: '#version = :stored',
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':stored': storedVersion },
                }),
          },
        },
        ...slots.map((Item) => ({ Put: { TableName: this.tableName, Item } })),
        ...Array.from({ length: Math.max(0, oldSlots - slots.length) }, (_, index) => ({
          Delete: { TableName: this.tableName, Key: { pk: key.pk, sk: slotSortKey(record.id, slots.length + index) } },
        })),
      ],
    };
    await this.transact(input, record.id);
  }

  /**
   * Runs the transaction. A failed version condition is a stale write. A cancellation only because
   * another transaction held the items (TransactionConflict, which the SDK does not retry) is tried
   * again: either it then succeeds or its condition tells the truth.
   */
  private async transact(input: TransactWriteCommandInput, photoId: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.client.send(new TransactWriteCommand(input));
        return;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
        if (codes.includes('ConditionalCheckFailed')) throw new StaleWriteError(`photo ${photoId}`);
        if (!codes.includes('TransactionConflict') || attempt === TRANSACTION_ATTEMPTS) throw error;
        // Jittered, so two writers that collided do not collide again in step.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }

  async list(query: PhotoListQuery): Promise<PhotoListSlice> {
    const plan = planPhotoList(query);
    const items: PhotoRecord[] = [];
    let read = 0;
    for (const [position, segment] of plan.segments.entries()) {
      // A cursor from outside the filter's range (hand-made: cursors carry their scope) lists nothing there.
      if (segment.lower !== undefined && segment.upper !== undefined && segment.lower > segment.upper) continue;
      let startKey: Record<string, unknown> | undefined;
      do {
        const wanted = query.limit + 1 - items.length + (plan.skipKey === null ? 0 : 1);
        const page = await this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: plan.indexName,
            ...keyCondition(plan, segment),
            ScanIndexForward: segment.forward,
            Limit: plan.residual === null ? wanted : Math.max(wanted, RESIDUAL_CHUNK),
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of page.Items ?? []) {
          read += 1;
          if (item[plan.sortKey] === plan.skipKey) continue;
          const record = recordOf(item);
          // Lapsed intents and rejections stay in their list until TTL deletes them, which lags.
          if (record.status !== 'ready' && !isVisiblePhoto(record, query.now)) continue;
          if (plan.residual !== null && !plan.residual(record)) continue;
          if (items.length === query.limit) return { items, hasMore: true };
          items.push(record);
        }
        startKey = page.LastEvaluatedKey;
        const more = startKey !== undefined || position < plan.segments.length - 1;
        if (read >= this.readBudget && items.length > 0 && more) return { items, hasMore: true };
      } while (startKey !== undefined);
    }
    return { items, hasMore: false };
  }
}

/** The key condition of a segment: the list partition and the inclusive bounds it has. */
function keyCondition(
  plan: PhotoListPlan,
  segment: ListSegment,
): Pick<QueryCommand['input'], 'KeyConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'> {
  const names = { '#list': PHOTO_LIST_PARTITION, '#sort': plan.sortKey };
  const values: Record<string, string> = { ':list': plan.partition };
  let range = '';
  if (segment.lower !== undefined && segment.upper !== undefined) {
    range = ' AND #sort BETWEEN :lower AND :upper';
    Object.assign(values, { ':lower': segment.lower, ':upper': segment.upper });
  } else if (segment.lower !== undefined) {
    range = ' AND #sort >= :lower';
    values[':lower'] = segment.lower;
  } else if (segment.upper !== undefined) {
    range = ' AND #sort <= :upper';
    values[':upper'] = segment.upper;
  }
  return {
    KeyConditionExpression: `#list = :list${range}`,
    ExpressionAttributeNames: range === '' ? { '#list': names['#list'] } : names,
    ExpressionAttributeValues: values,
  };
}

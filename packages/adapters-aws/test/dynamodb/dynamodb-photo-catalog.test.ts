import { ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { photoRecord } from '@hdoc/contract-tests';
import type { PhotoListQuery, PhotoRecord } from '@hdoc/domain';
import { photoListKeyset, StaleWriteError } from '@hdoc/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAPSED_INTENT_RETENTION_MS } from '../../src/dynamodb/photos/photo-item.js';
import { DynamoDbPhotoCatalog, TRANSACTION_ITEM_LIMITS } from '../../src/dynamodb/photos/dynamodb-photo-catalog.js';
import { ownerPartition, photoItemsPrefix, recordSortKey } from '../../src/dynamodb/photos/photo-keys.js';
import { dynamoDbLocalClient, provisionTestTables } from '../support/dynamodb-clients.js';

const client = dynamoDbLocalClient();
const documents = DynamoDBDocumentClient.from(client);
let tables: Awaited<ReturnType<typeof provisionTestTables>>;
beforeAll(async () => {
  tables = await provisionTestTables(client);
});
afterAll(async () => {
  await tables.drop();
  client.destroy();
});

/** A catalog on `base`, with DynamoDB Local's cap on transactions unless told otherwise. */
const catalogOn = (base: DynamoDBClient, options: { readBudget?: number; maxTransactionItems?: number } = {}): DynamoDbPhotoCatalog =>
  new DynamoDbPhotoCatalog({
    client: DynamoDBDocumentClient.from(base),
    tableName: tables.names.photos,
    maxTransactionItems: TRANSACTION_ITEM_LIMITS.dynamoDbLocal,
    ...options,
  });

/** Every test uses owners of its own, so the tests share the file's table without seeing each other. */
let owners = 0;
const freshOwner = (): string => `owner-${(owners += 1)}-${Date.now()}`;

const READ_AT = new Date('2026-01-01T01:00:00.000Z');

/** Every item stored for one photo: its record and its index items. */
async function photoItems(ownerId: string, photoId: string): Promise<Record<string, unknown>[]> {
  const { Items } = await documents.send(
    new QueryCommand({
      TableName: tables.names.photos,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': ownerPartition(ownerId), ':prefix': photoItemsPrefix(photoId) },
    }),
  );
  return Items ?? [];
}

const byTag = (catalog: DynamoDbPhotoCatalog, ownerId: string, tag: string) =>
  listAll(catalog, { ownerId, status: 'ready', now: READ_AT, sort: 'filename', order: 'asc', filter: { tag }, limit: 3 }).then((pages) =>
    pages.flat().map((p) => `${p.id}@${p.version}`),
  );

async function listAll(catalog: DynamoDbPhotoCatalog, query: Omit<PhotoListQuery, 'after'>): Promise<PhotoRecord[][]> {
  const pages: PhotoRecord[][] = [];
  let after: PhotoListQuery['after'] = null;
  for (;;) {
    const slice = await catalog.list({ ...query, after });
    pages.push([...slice.items]);
    if (!slice.hasMore) return pages;
    after = photoListKeyset(slice.items.at(-1)!, query.sort, query.status);
  }
}

/** Records every command sent and the items every Query read, through SDK middleware. */
function observe(base: DynamoDBClient): { commands: string[]; queries: number[] } {
  const seen = { commands: [] as string[], queries: [] as number[] };
  base.middlewareStack.add(
    (next, context) => async (args) => {
      seen.commands.push(String(context.commandName).replace(/Command$/, ''));
      const result = await next(args);
      const output = result.output as { ScannedCount?: number; Items?: unknown[] };
      if (output.ScannedCount !== undefined && output.Items !== undefined) seen.queries.push(output.ScannedCount);
      return result;
    },
    { step: 'build', name: 'observe' },
  );
  return seen;
}

describe('DynamoDbPhotoCatalog on DynamoDB Local', () => {
  it('two writers of one version (transactions, steps, or one of each): exactly one wins, the other gets StaleWriteError, and the winner is stored', async () => {
    const [clientA, clientB] = [dynamoDbLocalClient(), dynamoDbLocalClient()];
    try {
      const [a, b] = [catalogOn(clientA), catalogOn(clientB)];
      for (let round = 0; round < 15; round += 1) {
        const ownerId = freshOwner();
        const v1 = photoRecord({ id: 'p-1', ownerId, tags: ['cat', 'sea'] });
        // A conditional create first: two writers of version 1.
        const creates = await Promise.allSettled([a.save(v1), b.save({ ...v1, title: 'b' })]);
        expect(creates.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const stored = (await a.get(ownerId, 'p-1'))!;
        const writes = [
          { ...stored, title: 'a', tags: ['dog'], version: 2 },
          { ...stored, title: 'b', tags: Array.from({ length: 20 }, (_, i) => `t${i}`), version: 2 },
        ];
        const results = await Promise.allSettled([a.save(writes[0]!), b.save(writes[1]!)]);
        const winners = results.flatMap((r, i) => (r.status === 'fulfilled' ? [writes[i]!] : []));
        expect(winners).toHaveLength(1);
        const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(loser.reason).toBeInstanceOf(StaleWriteError);
        expect(await a.get(ownerId, 'p-1')).toEqual(winners[0]);
        // Only the winner's index items are left: the loser removed its own, the winner the v1 set.
        expect([...(await byTag(a, ownerId, 'dog')), ...(await byTag(a, ownerId, 't0'))]).toEqual(['p-1@2']);
        expect(await byTag(a, ownerId, 'cat')).toEqual([]);
        expect(await photoItems(ownerId, 'p-1')).toHaveLength(1 + 1 + winners[0]!.tags.length);
        // Two transactions from one snapshot each: an update and a delete of version 2.
        const [fromA, fromB] = [(await a.getForUpdate(ownerId, 'p-1'))!, (await b.getForUpdate(ownerId, 'p-1'))!];
        const v3 = [
          { ...fromA.record, tags: ['owl'], version: 3 },
          { ...fromB.record, status: 'deleted' as const, version: 3 },
        ];
        const third = await Promise.allSettled([a.save(v3[0]!, fromA), b.save(v3[1]!, fromB)]);
        const won = third.flatMap((r, i) => (r.status === 'fulfilled' ? [v3[i]!] : []));
        expect(won).toHaveLength(1);
        expect((third.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(StaleWriteError);
        expect(await a.get(ownerId, 'p-1')).toEqual(won[0]);
        expect([...(await byTag(a, ownerId, 'owl')), ...(await byTag(a, ownerId, 'dog')), ...(await byTag(a, ownerId, 't0'))]).toEqual(
          won[0]!.status === 'deleted' ? [] : ['p-1@3'],
        );
        expect(await photoItems(ownerId, 'p-1')).toHaveLength(won[0]!.status === 'deleted' ? 1 : 3);
      }
    } finally {
      clientA.destroy();
      clientB.destroy();
    }
  });

  it('retries throttled calls (the SDK does) and loses nothing', async () => {
    const throttled = dynamoDbLocalClient({ maxAttempts: 10 });
    // Every other attempt of the first calls is throttled: each such call fails once, then its retry passes.
    let failures = 6;
    let attempt = 0;
    throttled.middlewareStack.add(
      (next) => async (args) => {
        attempt += 1;
        if (failures > 0 && attempt % 2 === 1) {
          failures -= 1;
          throw new ProvisionedThroughputExceededException({ message: 'injected', $metadata: { httpStatusCode: 400 } });
        }
        return next(args);
      },
      // After the retry middleware (finalizeRequest), so each attempt, not each call, is throttled.
      { step: 'deserialize', name: 'injectThrottling' },
    );
    try {
      const catalog = catalogOn(throttled);
      const ownerId = freshOwner();
      // Each save is one transaction: each of the first six fails once.
      const photos = Array.from({ length: 6 }, (_, i) => photoRecord({ id: `p-${i}`, ownerId, tags: ['cat'] }));
      for (const photo of photos) await catalog.save(photo);
      expect(failures).toBe(0);
      const listed = await listAll(catalog, { ownerId, status: 'ready', now: READ_AT, sort: 'filename', order: 'asc', filter: { tag: 'cat' }, limit: 10 });
      expect(listed.flat()).toEqual(photos);
    } finally {
      throttled.destroy();
    }
  });

  it('sends a commit again when another transaction held the record (the SDK does not), and gives up as a stale write', async () => {
    const contended = dynamoDbLocalClient();
    let conflicts = 0;
    contended.middlewareStack.add(
      (next, context) => async (args) => {
        if (conflicts > 0 && context.commandName === 'TransactWriteItemsCommand') {
          conflicts -= 1;
          const reasons = [{ Code: 'TransactionConflict' }, { Code: 'None' }];
          throw new TransactionCanceledException({ message: 'injected', $metadata: { httpStatusCode: 400 }, CancellationReasons: reasons });
        }
        return next(args);
      },
      { step: 'initialize', name: 'injectConflict' },
    );
    try {
      const catalog = catalogOn(contended);
      const ownerId = freshOwner();
      conflicts = 2;
      await catalog.save(photoRecord({ id: 'p-1', ownerId, tags: ['cat'] }));
      expect(conflicts).toBe(0);
      expect(await byTag(catalog, ownerId, 'cat')).toEqual(['p-1@1']);
      conflicts = 100;
      await expect(catalog.save(photoRecord({ id: 'p-2', ownerId, tags: ['cat'] }))).rejects.toBeInstanceOf(StaleWriteError);
      expect(await catalog.get(ownerId, 'p-2')).toBeNull();
    } finally {
      contended.destroy();
    }
  });

  it('the injected throttling is real: without retries the save fails with it and stores nothing', async () => {
    const once = dynamoDbLocalClient({ maxAttempts: 1 });
    once.middlewareStack.add(
      () => async () => {
        throw new ProvisionedThroughputExceededException({ message: 'injected', $metadata: { httpStatusCode: 400 } });
      },
      { step: 'deserialize', name: 'injectThrottling' },
    );
    try {
      const ownerId = freshOwner();
      await expect(catalogOn(once).save(photoRecord({ id: 'p-1', ownerId }))).rejects.toBeInstanceOf(
        ProvisionedThroughputExceededException,
      );
      expect(await catalogOn(client).get(ownerId, 'p-1')).toBeNull();
    } finally {
      once.destroy();
    }
  });

  it('rewrites index items only when a listed value changes, and leaves only the current set behind', async () => {
    const observed = dynamoDbLocalClient();
    try {
      const seen = observe(observed);
      const catalog = catalogOn(observed);
      const ownerId = freshOwner();
      const tags = (prefix: string) => Array.from({ length: 20 }, (_, i) => `${prefix}${i}`);
      const v1 = photoRecord({ id: 'p-1', ownerId, status: 'pending', uploadedAt: null, tags: tags('a') });
      const steps: [PhotoRecord, number][] = [
        [v1, 21],
        [{ ...v1, status: 'ready', uploadedAt: READ_AT, version: 2 }, 21],
        [{ ...v1, status: 'ready', uploadedAt: READ_AT, tags: tags('b'), version: 3 }, 21],
        [{ ...v1, status: 'ready', uploadedAt: READ_AT, tags: [], version: 4 }, 1],
        [{ ...v1, status: 'ready', uploadedAt: READ_AT, tags: tags('c'), version: 5 }, 21],
        [{ ...v1, status: 'ready', uploadedAt: READ_AT, tags: tags('c'), title: 'only the title', version: 6 }, 21],
        [{ ...v1, status: 'deleted', uploadedAt: READ_AT, tags: tags('c'), version: 7 }, 0],
      ];
      for (const [record, indexItems] of steps) {
        seen.commands.length = 0;
        await catalog.save(record);
        const items = await photoItems(ownerId, 'p-1');
        expect(items).toHaveLength(1 + indexItems);
        const current = items.find((item) => item.sk === recordSortKey('p-1'))!.index_id;
        expect(items.filter((item) => item.sk !== recordSortKey('p-1')).every((item) => item.index_id === current)).toBe(true);
        if (record.title === 'only the title') expect(seen.commands).toEqual(['Query', 'PutItem']);
      }
      expect(await byTag(catalog, ownerId, 'c0')).toEqual([]);
    } finally {
      observed.destroy();
    }
  });

  it('saves in one call: a first version or a change from a snapshot; above the transaction cap, in steps', async () => {
    const observed = dynamoDbLocalClient();
    try {
      const seen = observe(observed);
      const catalog = catalogOn(observed);
      const ownerId = freshOwner();
      const callsOf = async (write: () => Promise<unknown>): Promise<string[]> => {
        seen.commands.length = 0;
        await write();
        return [...seen.commands];
      };
      const v1 = photoRecord({ id: 'p-1', ownerId, tags: ['cat', 'sea'] });
      expect(await callsOf(() => catalog.save(v1))).toEqual(['TransactWriteItems']);
      let read = (await catalog.getForUpdate(ownerId, 'p-1'))!;
      expect(await callsOf(() => catalog.save({ ...read.record, title: 't', version: 2 }, read))).toEqual(['PutItem']);
      read = (await catalog.getForUpdate(ownerId, 'p-1'))!;
      // 1 record + 4 new index items + 3 superseded: within DynamoDB Local's 10.
      expect(await callsOf(() => catalog.save({ ...read.record, tags: ['a', 'b', 'c'], version: 3 }, read))).toEqual(['TransactWriteItems']);
      read = (await catalog.getForUpdate(ownerId, 'p-1'))!;
      expect(await callsOf(() => catalog.save({ ...read.record, status: 'deleted', version: 4 }, read))).toEqual(['TransactWriteItems']);
      expect(await photoItems(ownerId, 'p-1')).toHaveLength(1);
      const many = photoRecord({ id: 'p-2', ownerId, tags: Array.from({ length: 20 }, (_, i) => `t${i}`) });
      expect(await callsOf(() => catalog.save(many))).toEqual(['BatchWriteItem', 'PutItem']);
      read = (await catalog.getForUpdate(ownerId, 'p-2'))!;
      expect(await callsOf(() => catalog.save({ ...read.record, status: 'deleted', version: 2 }, read))).toEqual(['PutItem', 'BatchWriteItem']);
      expect(await photoItems(ownerId, 'p-2')).toHaveLength(1);
      expect(await byTag(catalog, ownerId, 't0')).toEqual([]);
    } finally {
      observed.destroy();
    }
  });

  it('a crash between the steps of a save (too large for a transaction) leaves nothing a list shows, and the next save clears it', async () => {
    const crashing = dynamoDbLocalClient();
    let crashOn: string | null = null;
    crashing.middlewareStack.add(
      (next, context) => async (args) => {
        const command = String(context.commandName);
        if (command === crashOn) {
          crashOn = null;
          throw new Error(`crashed before ${command}`);
        }
        // The cleanup: a BatchWrite of deletes after the record was written.
        if (crashOn === 'cleanup' && command === 'BatchWriteItemCommand' && JSON.stringify(args.input).includes('DeleteRequest')) {
          crashOn = null;
          throw new Error('crashed before the cleanup');
        }
        return next(args);
      },
      { step: 'initialize', name: 'crash' },
    );
    try {
      const catalog = catalogOn(crashing, { maxTransactionItems: 1 });
      const ownerId = freshOwner();
      const v1 = photoRecord({ id: 'p-1', ownerId, filename: 'b.jpg', tags: ['cat'] });
      await catalog.save(v1);
      // New index items written, the record never: the list still shows v1, once.
      crashOn = 'PutItemCommand';
      await expect(catalog.save({ ...v1, filename: 'a.jpg', version: 2 })).rejects.toThrow('crashed');
      expect(await byTag(catalog, ownerId, 'cat')).toEqual(['p-1@1']);
      // Record written, old index items not yet deleted: the list shows v2, once.
      crashOn = 'cleanup';
      await expect(catalog.save({ ...v1, filename: 'c.jpg', version: 2 })).rejects.toThrow('crashed');
      expect(await byTag(catalog, ownerId, 'cat')).toEqual(['p-1@2']);
      expect(await photoItems(ownerId, 'p-1')).toHaveLength(1 + 3 * 2);
      await catalog.save({ ...v1, filename: 'c.jpg', title: 'v3', version: 3 });
      expect(await photoItems(ownerId, 'p-1')).toHaveLength(1 + 2);
      expect(await byTag(catalog, ownerId, 'cat')).toEqual(['p-1@3']);
    } finally {
      crashing.destroy();
    }
  });

  it('stores the TTL attribute: lapsed intents kept 14 days for late uploads, their index items until they lapse', async () => {
    const catalog = catalogOn(client);
    const ownerId = freshOwner();
    const expiresAt = new Date('2026-01-01T00:15:00.500Z');
    await catalog.save(photoRecord({ id: 'p-1', ownerId, status: 'pending', uploadedAt: null, expiresAt }));
    await catalog.save(photoRecord({ id: 'p-2', ownerId, status: 'ready' }));
    const expiries = async (photoId: string) =>
      (await photoItems(ownerId, photoId)).map((item) => [item.sk === recordSortKey(photoId) ? 'record' : 'index', item.expires_at]);
    const seconds = (ms: number) => Math.ceil(ms / 1000);
    expect(await expiries('p-1')).toEqual(
      expect.arrayContaining([
        ['record', seconds(expiresAt.getTime() + LAPSED_INTENT_RETENTION_MS)],
        ['index', seconds(expiresAt.getTime())],
      ]),
    );
    expect(await expiries('p-2')).toEqual([['index', undefined], ['record', undefined]]);
    // Lapsed but not yet deleted by TTL: the list skips it in code, get still answers it.
    const pending = (now: Date) =>
      catalog.list({ ownerId, status: 'pending', now, sort: 'uploaded_at', order: 'desc', filter: {}, limit: 5, after: null });
    expect((await pending(new Date(expiresAt.getTime() - 1))).items.map((p) => p.id)).toEqual(['p-1']);
    expect((await pending(expiresAt)).items).toEqual([]);
    expect(await catalog.get(ownerId, 'p-1')).not.toBeNull();
  });

  it('bounds what one request reads under a filter no index serves: pages may come back short, none is lost', async () => {
    const observed = dynamoDbLocalClient();
    try {
      const seen = observe(observed);
      const catalog = catalogOn(observed, { readBudget: 10 });
      const ownerId = freshOwner();
      const photos = Array.from({ length: 40 }, (_, i) =>
        photoRecord({ id: `p-${String(i).padStart(2, '0')}`, ownerId, tags: ['cat'], contentType: i % 10 === 0 ? 'image/png' : 'image/jpeg' }),
      );
      for (const photo of photos) await catalog.save(photo);
      seen.queries.length = 0;
      const pages = await listAll(catalog, {
        ownerId,
        status: 'ready',
        now: READ_AT,
        sort: 'size',
        order: 'asc',
        filter: { tag: 'cat', contentType: 'image/png' },
        limit: 5,
      });
      expect(pages.flat().map((p) => p.id)).toEqual(['p-00', 'p-10', 'p-20', 'p-30']);
      expect(pages[0]!.length).toBeLessThan(4);
      expect(Math.max(...seen.queries)).toBeLessThanOrEqual(10);
    } finally {
      observed.destroy();
    }
  });

  it('orders filenames as JavaScript does (UTF-16 code units), beyond ASCII, in both directions', async () => {
    const catalog = catalogOn(client);
    const ownerId = freshOwner();
    const names = ['\uE000.jpg', '😀.jpg', 'é.jpg', 'E.jpg', 'z.jpg', '\uFFFD.jpg', '𝒜.jpg', 'a b.jpg', 'ab.jpg'];
    const photos = names.map((filename, i) => photoRecord({ id: `p-${i}`, ownerId, filename }));
    for (const photo of photos) await catalog.save(photo);
    const expected = [...photos].sort((x, y) => {
      const [a, b] = [x.filename.toLowerCase(), y.filename.toLowerCase()];
      return a < b ? -1 : a > b ? 1 : x.id < y.id ? -1 : 1;
    });
    for (const order of ['asc', 'desc'] as const) {
      const listed = await listAll(catalog, { ownerId, status: 'ready', now: READ_AT, sort: 'filename', order, filter: {}, limit: 4 });
      expect(listed.flat().map((p) => p.filename)).toEqual((order === 'asc' ? expected : [...expected].reverse()).map((p) => p.filename));
    }
  });
});

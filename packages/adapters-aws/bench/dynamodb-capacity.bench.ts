/**
 * `npm run bench -- dynamodb-capacity`: the read capacity (ReturnConsumedCapacity, DynamoDB Local)
 * of the leaderboard and photo list reads with 100 and with 10,000 participants and photos. It
 * starts its own DynamoDB Local on a free port and seeds each size into tables of its own with
 * BatchWriteItem, built by the adapters' own item functions (standingItem, the count keys,
 * recordItem, indexItems: exactly what upsert and a first save write; one write at a time costs
 * ~25 ms on DynamoDB Local here, 20 minutes for 20,000). Then it measures: a leaderboard page of 50 at the top and deep in the board (90% down), a
 * status-filtered page at the top and deep, a participant's rank (position without neighbours) and
 * position with 3 neighbours (medians over 25 random participants), and a page of 50 ready photos
 * for each sort and with a tag filter. ratio = the largest rcu(10,000) / rcu(100): reads whose cost
 * does not grow with the data stay at 1; a read of everyone above would be ~100.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PHOTO_SORTS, type LeaderboardStanding, type PhotoListQuery, type PhotoRecord, type ProfileStatus } from '@hdoc/domain';
import { batchWriteAll } from '../src/dynamodb/batch.js';
import { DynamoDbLeaderboard } from '../src/dynamodb/leaderboard/dynamodb-leaderboard.js';
import { countItemsOf } from '../src/dynamodb/leaderboard/score-counts.js';
import { standingItem } from '../src/dynamodb/leaderboard/standing-item.js';
import { DYNAMODB_LOCAL_CLIENT_SETTINGS, startDynamoDbLocal } from '../src/local/dynamodb-local.js';
import { DynamoDbPhotoCatalog } from '../src/dynamodb/photos/dynamodb-photo-catalog.js';
import { indexItems, recordItem } from '../src/dynamodb/photos/photo-item.js';
import { provisionTables, tableNames } from '../src/dynamodb/tables.js';
import { median, mix } from '../../../scripts/bench-kit.js';
import { benchStanding } from './bench-standings.js';
import { forEachParallel, meterReadCapacity } from './consumed-capacity.js';

const SIZES = [100, 10_000] as const;
const PAGE = 50;
const RANK_SAMPLES = 25;
const LOAD_PARALLEL = 4;
/** 60% active (every fifth is inactive or completed, by index), so even 100 participants fill an active page of 50. */
const STATUSES: readonly ProfileStatus[] = ['active', 'inactive', 'active', 'completed', 'active'];
const OWNER = 'bench-owner';
const TAG = 'bench';
const T0 = Date.parse('2026-01-01T00:00:00.000Z');

const standing = (i: number): LeaderboardStanding => benchStanding(i, STATUSES);

/** A ready photo of fixed-width fields; 60% carry the tag, so even 100 photos fill a tagged page of 50. */
function photo(i: number): PhotoRecord {
  const size = 10_000 + (mix(i, 11) % 20_000_000);
  const uploadedAt = new Date(T0 + (mix(i, 12) % 1_000_000) * 1_000);
  return {
    id: `ph-${String(i).padStart(8, '0')}`,
    ownerId: OWNER,
    status: 'ready',
    filename: `IMG_${String(mix(i, 13) % 100_000).padStart(5, '0')}.jpg`,
    contentType: 'image/jpeg',
    size,
    declaredSize: size,
    width: 4000,
    height: 3000,
    takenAt: mix(i, 14) % 5 === 0 ? null : new Date(T0 - (mix(i, 15) % 3_000_000) * 10_000),
    uploadedAt,
    title: `Photo ${String(i).padStart(8, '0')}`,
    description: null,
    tags: mix(i, 16) % 10 < 6 ? [TAG, 'other'] : ['other'],
    metadata: {},
    etag: `etag-${i}`,
    expiresAt: new Date(T0),
    createdAt: uploadedAt,
    rejectedAt: null,
    rejectionReason: null,
    hasThumbnail: true,
    lastSequencer: null,
    version: 1,
  };
}

type Figures = Record<string, number>;

/** The items `DynamoDbLeaderboard.upsert` writes for these standings: each standing, the counts per total and the bucket item. */
function leaderboardItems(standings: readonly LeaderboardStanding[]): Record<string, unknown>[] {
  const totals = standings.map((s) => s.githubScore + s.twitterScore);
  return [...standings.map((s): Record<string, unknown> => ({ ...standingItem(s) })), ...countItemsOf(totals)];
}

/** The items `DynamoDbPhotoCatalog.save` writes for a new photo: its index items and its record. */
function photoItems(record: PhotoRecord): Record<string, unknown>[] {
  const indexId = `1.bench-${record.id}`;
  return [...indexItems(record, indexId), recordItem(record, indexId)];
}

async function seed(documents: DynamoDBDocumentClient, tableName: string, items: readonly Record<string, unknown>[]): Promise<void> {
  const chunk = 25 * 8;
  await forEachParallel(Math.ceil(items.length / chunk), LOAD_PARALLEL, (c) =>
    batchWriteAll(documents, tableName, items.slice(c * chunk, (c + 1) * chunk).map((Item) => ({ PutRequest: { Item } }))),
  );
}

async function measure(client: DynamoDBClient, meter: ReturnType<typeof meterReadCapacity>, size: number): Promise<Figures> {
  const documents = DynamoDBDocumentClient.from(client);
  const names = tableNames(`bench-${size}`);
  await provisionTables(client, names);
  const board = new DynamoDbLeaderboard({ client: documents, tableName: names.challenge });
  const catalog = new DynamoDbPhotoCatalog({ client: documents, tableName: names.photos });
  const started = performance.now();
  await seed(documents, names.challenge, leaderboardItems(Array.from({ length: size }, (_, i) => standing(i))));
  await seed(documents, names.photos, Array.from({ length: size }, (_, i) => photoItems(photo(i))).flat());
  console.error(`seeded ${size} participants and photos in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // One upsert through the adapter, so the board is also checked to accept what was seeded.
  await board.upsert({ ...standing(0), githubScore: 10_000, twitterScore: 10_000, version: 2 });
  meter.take();

  const figures: Figures = {};
  const read = async (name: string, op: () => Promise<unknown>): Promise<void> => {
    meter.take();
    await op();
    figures[name] = meter.take();
  };
  /** The cursor 90% down the board (or the status's rows; less where a page would not fit), reached page by page (not measured). */
  const deepCursor = async (status?: ProfileStatus): Promise<string> => {
    const rows = status === undefined ? size : Array.from({ length: size }, (_, i) => standing(i)).filter((s) => s.status === status).length;
    const skip = Math.max(1, Math.min(Math.floor(rows * 0.9), rows - PAGE));
    let cursor: string | null = null;
    for (let seen = 0; seen < skip; ) {
      const page = await board.page({ limit: Math.min(100, skip - seen), cursor, ...(status && { status }) });
      seen += page.items.length;
      cursor = page.nextCursor;
    }
    if (cursor === null) throw new Error('no deep cursor');
    return cursor;
  };
  await read('lb_page_top', () => board.page({ limit: PAGE }));
  const deep = await deepCursor();
  await read('lb_page_deep', () => board.page({ limit: PAGE, cursor: deep }));
  await read('lb_status_page_top', () => board.page({ limit: PAGE, status: 'active' }));
  const deepActive = await deepCursor('active');
  await read('lb_status_page_deep', () => board.page({ limit: PAGE, cursor: deepActive, status: 'active' }));
  for (const [name, neighbours] of [['lb_rank', 0], ['lb_position_3', 3]] as const) {
    const samples: number[] = [];
    for (let k = 0; k < RANK_SAMPLES; k++) {
      meter.take();
      await board.position(standing(mix(k, 99) % size).githubUsername, neighbours);
      samples.push(meter.take());
    }
    figures[name] = median(samples);
  }
  meter.take();
  const list = (query: Partial<PhotoListQuery>) =>
    catalog.list({ ownerId: OWNER, status: 'ready', now: new Date(T0), sort: 'uploaded_at', order: 'desc', filter: {}, limit: PAGE, after: null, ...query });
  for (const sort of PHOTO_SORTS) await read(`photos_${sort}`, () => list({ sort }));
  await read('photos_tag', () => list({ filter: { tag: TAG } }));
  return figures;
}

const server = await startDynamoDbLocal();
try {
  const client = new DynamoDBClient({ ...DYNAMODB_LOCAL_CLIENT_SETTINGS, endpoint: server.endpoint });
  const meter = meterReadCapacity(client);
  const [small, large] = [await measure(client, meter, SIZES[0]), await measure(client, meter, SIZES[1])];
  client.destroy();
  const rcu: Record<string, Record<string, number>> = {};
  let ratio = 0;
  console.log(`read                      RCU @${SIZES[0]}   RCU @${SIZES[1]}`);
  for (const name of Object.keys(small)) {
    rcu[name] = { [SIZES[0]]: small[name]!, [SIZES[1]]: large[name]! };
    ratio = Math.max(ratio, small[name] === 0 ? (large[name] === 0 ? 1 : Infinity) : large[name]! / small[name]!);
    console.log(`${name.padEnd(24)} ${String(small[name]).padStart(9)} ${String(large[name]).padStart(12)}`);
  }
  console.log(JSON.stringify({ bench: 'dynamodb-capacity', ratio: Number(ratio.toFixed(2)), rcu }));
} finally {
  await server.stop();
}

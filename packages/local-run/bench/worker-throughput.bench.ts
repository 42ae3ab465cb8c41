/**
 * `npm run bench -- worker-throughput`: storage events per second through SQS -> worker -> DynamoDB on the
 * emulators, against a bare loop making the same SDK calls without the framework, in the same run.
 *
 * It starts its own DynamoDB Local and moto_server and provisions a stack on them (tables, bucket with
 * moto's own S3 -> SQS notification, queue) per side and round. The events run in two rounds of EVENTS/2 per
 * side, in ABBA order (framework then bare, then bare then framework) so that a drift over the run (the
 * emulators' growing state, other load on the machine) weighs on both. Before a round is timed, each side
 * gets its upload intents (RequestPhotoUpload, spread over OWNERS owners) and PNGs put into its bucket,
 * so moto has queued one real S3 event message per upload. Then, one side after the other:
 * - framework: the ingester composed as the worker runs it (`compose` with INGEST_STORAGE_EVENT's use cases,
 *   JSON logs at info to /dev/null) and `startQueueConsumers`: runQueuePoller, the Powertools partial-batch
 *   handler, the consumer, IngestStorageEvent on the DynamoDB, S3 and image adapters;
 * - bare: one hand-written loop: ReceiveMessage (10, long polling), for each message and record in
 *   parallel the DynamoDB and S3 calls ingestion makes, with the same image work (the same inspector and
 *   sharp thumbnail), then DeleteMessageBatch.
 * Each side is timed from its start until its queue holds nothing visible or in flight. Both sides' S3 and
 * DynamoDB calls are counted per event and printed, so "the same calls" is checked, not assumed.
 * Lost and duplicated are read from the framework's catalogue after each of its rounds: every intent must
 * be listed ready once, at version 2 (intent, then catalogued once; a second cataloguing would write 3).
 * Last line: `{"bench":"worker-throughput","ratio":R,"events_per_s":E,"lost":L,"duplicated":D}`, R being
 * framework events/s / bare events/s over both rounds (target >= 0.8). `WORKER_THROUGHPUT_EVENTS` changes
 * the count (default 2000).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { CallCounter, createS3Client, type CountedCall } from '@hdoc/adapters-aws';
import { LOCAL_AWS_SETTINGS, startLocalStack, type LocalStack } from '@hdoc/adapters-aws/local';
import { ExifrImageInspector, IMAGE_PREFIX_BYTES, SharpImageProcessor } from '@hdoc/adapters-node';
import { compose, loadRuntimeConfig, type RuntimeConfig } from '@hdoc/composition';
import { png } from '@hdoc/contract-tests';
import { PhotoCatalogToken, RequestPhotoUpload } from '@hdoc/domain';
import { INGEST_STORAGE_EVENT, startQueueConsumers } from '@hdoc/worker';
import { pino } from 'pino';
import { readyPhotos } from '../test/pipeline/ready-photos.js';

const EVENTS = Number(process.env['WORKER_THROUGHPUT_EVENTS'] ?? 2000);
const OWNERS = 20;
/** Requests in flight while preparing (intents, uploads): enough to keep moto busy, not timed. */
const SETUP_CONCURRENCY = 8;
const IMAGE = png(64, 48);
const silent = pino({ level: 'silent' });

/** One side's resources, and the uploads of the round being run. */
interface Side {
  readonly stack: LocalStack;
  readonly config: RuntimeConfig;
  readonly queueUrl: string;
  readonly bucket: string;
  readonly table: string;
  readonly photos: readonly { ownerId: string; photoId: string }[];
}

/** Rounds of the ABBA order: framework, bare, then bare, framework, so a drift of the machine or the emulators over the run weighs on both alike. */
const ROUNDS = [['framework', 'bare'], ['bare', 'framework']] as const;
const PER_ROUND = Math.ceil(EVENTS / ROUNDS.length);

/** Runs `task(0..count-1)` with at most `concurrency` in flight. */
async function pool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

async function queueDepth(sqs: SQSClient, queueUrl: string): Promise<number> {
  const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }));
  return ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'].reduce(
    (sum, name) => sum + Number(Attributes[name as keyof typeof Attributes] ?? 0),
    0,
  );
}

/** Polls until the queue holds `wanted` messages (setup) or none (a side is done). */
async function untilDepth(sqs: SQSClient, queueUrl: string, done: (depth: number) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30 * 60_000;
  while (!done(await queueDepth(sqs, queueUrl))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** `count` intents through RequestPhotoUpload, then the objects put into the bucket: moto queues one S3 event each. */
async function prepare(stack: LocalStack, sqs: SQSClient, count: number): Promise<Side> {
  const env = stack.environment;
  const config = loadRuntimeConfig({ ...env, ADAPTERS_IDENTITY: 'memory', ADAPTERS_CHALLENGE: 'memory', UPLOAD_INTENTS_PER_HOUR: String(2 * EVENTS), LOG_LEVEL: 'silent' });
  const queueUrl = env['PHOTO_EVENTS_QUEUE_URL']!;
  const bucket = env['PHOTOS_BUCKET']!;
  const setup = await compose({ service: 'hdoc-bench-setup', config, useCases: [RequestPhotoUpload], logger: silent });
  const s3 = createS3Client({ ...LOCAL_AWS_SETTINGS, endpoint: env['AWS_ENDPOINT_URL'] });
  try {
    const owners = Array.from({ length: OWNERS }, () => randomUUID());
    const photos: { ownerId: string; photoId: string }[] = [];
    const requestUpload = setup.resolve(RequestPhotoUpload);
    await pool(count, SETUP_CONCURRENCY, async (index) => {
      const ownerId = owners[index % OWNERS]!;
      const actor = { subject: ownerId, sessionId: 'bench' };
      const { photoId } = await requestUpload.execute({ actor, filename: `bench-${index}.png`, contentType: 'image/png', size: IMAGE.byteLength });
      photos.push({ ownerId, photoId });
    });
    await pool(count, SETUP_CONCURRENCY, async (index) => {
      const { ownerId, photoId } = photos[index]!;
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `photos/${ownerId}/${photoId}`, Body: IMAGE, ContentType: 'image/png' }));
    });
    // The uploads' events (and, in the first round, the s3:TestEvent moto sent when the notification was configured).
    await untilDepth(sqs, queueUrl, (depth) => depth >= count, 'the storage events to be queued');
    return { stack, config, queueUrl, bucket, table: env['PHOTOS_TABLE']!, photos };
  } finally {
    s3.destroy();
    await setup.closers.closeAll();
  }
}

/** The calls per event, by service and operation, sorted. */
function perEvent(calls: readonly CountedCall[], events: number): string {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(`${call.service}:${call.operation}`, (counts.get(`${call.service}:${call.operation}`) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, count]) => `${name} ${(count / events).toFixed(2)}`)
    .join(', ');
}

interface Measured {
  readonly seconds: number;
  readonly calls: readonly CountedCall[];
  readonly lost: number;
  readonly duplicated: number;
}

/** The worker as it runs outside Lambda: the ingester's composition and its long-polling consumer. */
async function runFramework(side: Side, sqs: SQSClient): Promise<Measured> {
  const counter = new CallCounter();
  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
  const worker = await compose({
    service: INGEST_STORAGE_EVENT.service,
    config: side.config,
    useCases: [...INGEST_STORAGE_EVENT.useCases],
    logger,
    instrumentation: counter.instrumentation,
  });
  try {
    const started = performance.now();
    await startQueueConsumers(worker, { photoEvents: side.queueUrl });
    await untilDepth(sqs, side.queueUrl, (depth) => depth === 0, 'the framework to drain its queue');
    const seconds = (performance.now() - started) / 1000;
    return { seconds, calls: counter.take(), ...(await catalogueCount(side)) };
  } finally {
    await worker.closers.closeAll();
  }
}

/**
 * What the side's catalogue holds for this round's uploads: lost (not listed ready) and duplicated (listed
 * more than once, or catalogued more than once: a record past version 2). Each side counts on its own
 * table, read through the adapter with a client of its own, after its timing.
 */
async function catalogueCount(side: Side): Promise<{ lost: number; duplicated: number }> {
  const reader = await compose({ service: 'hdoc-bench-count', config: side.config, useCases: [RequestPhotoUpload], logger: silent });
  try {
    const catalog = reader.resolve(PhotoCatalogToken);
    const expected = new Set(side.photos.map((photo) => photo.photoId));
    const listed = new Map<string, number>();
    let duplicated = 0;
    for (const ownerId of new Set(side.photos.map((photo) => photo.ownerId))) {
      for (const photo of await readyPhotos(catalog, ownerId)) {
        if (!expected.has(photo.id)) continue;
        listed.set(photo.id, (listed.get(photo.id) ?? 0) + 1);
        if (photo.version !== 2) duplicated += 1;
      }
    }
    duplicated += [...listed.values()].reduce((sum, count) => sum + count - 1, 0);
    return { lost: [...expected].filter((id) => !listed.has(id)).length, duplicated };
  } finally {
    await reader.closers.closeAll();
  }
}

/** S3's event record fields this loop reads. */
interface EventRecord {
  readonly s3: { readonly object: { readonly key: string } };
}

/** The same SDK calls as ingestion of an ObjectCreated event without sequencer, written by hand, no framework. */
async function runBare(side: Side, sqs: SQSClient): Promise<Measured> {
  const counter = new CallCounter();
  const env = side.stack.environment;
  const dynamoDb = new DynamoDBClient({ ...LOCAL_AWS_SETTINGS, endpoint: env['AWS_ENDPOINT_URL_DYNAMODB'] });
  const s3: S3Client = createS3Client({ ...LOCAL_AWS_SETTINGS, endpoint: env['AWS_ENDPOINT_URL'] });
  counter.instrumentation.onAwsClient?.(dynamoDb);
  counter.instrumentation.onAwsClient?.(s3);
  const documents = DynamoDBDocumentClient.from(dynamoDb);
  const receiver = new SQSClient({ ...LOCAL_AWS_SETTINGS, endpoint: env['AWS_ENDPOINT_URL'] });
  const processor = new SharpImageProcessor();
  const { bucket, table, queueUrl } = side;
  const bytesOf = async (key: string, range?: string): Promise<Uint8Array> =>
    (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...(range ? { Range: range } : {}) }))).Body!.transformToByteArray();

  const ingest = async (record: EventRecord): Promise<void> => {
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const [, ownerId, photoId] = key.split('/');
    const sk = JSON.stringify([photoId]);
    const { Items = [] } = await documents.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `owner#${ownerId}`, ':prefix': sk.slice(0, -1) },
        ConsistentRead: true,
      }),
    );
    const stored = Items.find((item) => item['sk'] === sk)!;
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    const facts = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    const prefix = await bytesOf(key, `bytes=0-${IMAGE_PREFIX_BYTES - 1}`);
    const image = await new ExifrImageInspector(async () => prefix).inspect(key);
    const thumbnail = (await processor.thumbnail(await bytesOf(key)))!;
    const thumbnailKey = `thumbnails/${ownerId}/${photoId}`;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: thumbnailKey, Body: thumbnail.bytes, ContentType: thumbnail.contentType }));
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: thumbnailKey }));
    const version = Number(stored['version']);
    const indexId = `${version + 1}.${randomUUID()}`;
    const superseded = Items.filter((item) => item !== stored);
    await documents.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table,
              Item: { ...stored, status: 'ready', size: facts.ContentLength, etag: facts.ETag, uploaded_at: facts.LastModified?.getTime(), width: image.width, height: image.height, has_thumbnail: true, index_id: indexId, version: version + 1 },
              ConditionExpression: '#version = :stored',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':stored': version },
            },
          },
          ...superseded.map((item) => ({ Put: { TableName: table, Item: { ...item, sk: JSON.stringify([photoId, indexId, 0]), index_id: indexId, index_version: version + 1 } } })),
          ...superseded.map((item) => ({ Delete: { TableName: table, Key: { pk: item['pk'], sk: item['sk'] } } })),
        ],
      }),
    );
  };

  const stop = new AbortController();
  const started = performance.now();
  const loop = (async () => {
    while (!stop.signal.aborted) {
      const { Messages = [] } = await receiver
        .send(
          new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 20, MessageSystemAttributeNames: ['All'], MessageAttributeNames: ['All'] }),
          { abortSignal: stop.signal },
        )
        .catch((error: unknown) => {
          if (stop.signal.aborted) return { Messages: [] };
          throw error;
        });
      if (Messages.length === 0) continue;
      await Promise.all(
        Messages.map(async (message) => {
          const body = JSON.parse(message.Body ?? '{}') as { Records?: EventRecord[] };
          for (const record of body.Records ?? []) await ingest(record);
        }),
      );
      await receiver.send(
        new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: Messages.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle })) }),
      );
    }
  })();
  let seconds: number;
  try {
    await Promise.race([loop, untilDepth(sqs, queueUrl, (depth) => depth === 0, 'the bare loop to drain its queue')]);
    seconds = (performance.now() - started) / 1000;
  } finally {
    stop.abort();
    await loop;
    for (const client of [dynamoDb, s3, receiver]) client.destroy();
  }
  // Its records are written by hand with the intent's list keys (not listed ready): only the framework's catalogue is counted.
  return { seconds, calls: counter.take(), lost: 0, duplicated: 0 };
}

const RUNNERS = { framework: runFramework, bare: runBare } as const;

async function main(): Promise<void> {
  const run = randomUUID().slice(0, 8);
  const emulators = await startLocalStack({ prefix: `hdoc-wt-${run}` });
  const endpoints = { motoEndpoint: emulators.environment['AWS_ENDPOINT_URL'], dynamoDbEndpoint: emulators.environment['AWS_ENDPOINT_URL_DYNAMODB'] };
  // The SDK clients the composition creates read credentials and region from the process environment.
  for (const name of ['AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) process.env[name] = emulators.environment[name];
  const sqs = new SQSClient({ ...LOCAL_AWS_SETTINGS, endpoint: endpoints.motoEndpoint });
  try {
    // A stack per side and round: a long poll cut short at the end of a side is still open on moto's side
    // and would take (and hide for the visibility timeout) messages queued after it on the same queue.
    const stack = (name: string, round: number) => startLocalStack({ prefix: `hdoc-wt-${run}-${name}-${round}`, ...endpoints });
    const totals = { framework: { seconds: 0, calls: [] as CountedCall[], lost: 0, duplicated: 0 }, bare: { seconds: 0, calls: [] as CountedCall[], lost: 0, duplicated: 0 } };
    for (const [round, order] of ROUNDS.entries()) {
      console.log(`round ${round + 1}: preparing ${PER_ROUND} uploads per side (intents, objects, moto's S3 event messages)...`);
      const sides = {
        framework: await prepare(await stack('framework', round), sqs, PER_ROUND),
        bare: await prepare(await stack('bare', round), sqs, PER_ROUND),
      };
      for (const name of order) {
        const measured = await RUNNERS[name](sides[name], sqs);
        console.log(`round ${round + 1}, ${name}: ${PER_ROUND} events in ${measured.seconds.toFixed(1)} s, ${(PER_ROUND / measured.seconds).toFixed(1)} events/s`);
        const total = totals[name];
        total.seconds += measured.seconds;
        total.calls.push(...measured.calls);
        total.lost += measured.lost;
        total.duplicated += measured.duplicated;
      }
    }
    const events = PER_ROUND * ROUNDS.length;
    for (const [name, total] of Object.entries(totals)) {
      const counted = name === 'framework' ? `, lost ${total.lost}, duplicated ${total.duplicated}` : '';
      console.log(`${name}: ${events} events in ${total.seconds.toFixed(1)} s, ${(events / total.seconds).toFixed(1)} events/s${counted}`);
      console.log(`  calls per event: ${perEvent(total.calls, events)}`);
    }
    if (perEvent(totals.framework.calls, events) !== perEvent(totals.bare.calls, events)) console.log('NOTE: the two sides did not make the same calls per event');
    const eventsPerSecond = events / totals.framework.seconds;
    console.log(
      JSON.stringify({
        bench: 'worker-throughput',
        ratio: Number((totals.bare.seconds / totals.framework.seconds).toFixed(3)),
        events_per_s: Number(eventsPerSecond.toFixed(1)),
        lost: totals.framework.lost,
        duplicated: totals.framework.duplicated,
      }),
    );
  } finally {
    sqs.destroy();
    await emulators.stop();
  }
}

await main();

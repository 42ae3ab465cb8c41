import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { DeleteObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, SendMessageCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { StoreInstrumentation } from '@hdoc/adapters-aws';
import { LOCAL_AWS_SETTINGS } from '@hdoc/adapters-aws/local';
import { loadHttpConfig } from '@hdoc/api-http';
import { png } from '@hdoc/contract-tests';
import { PhotoCatalogToken, photoThumbnailKey, RequestPhotoUpload, type PhotoRecord } from '@hdoc/domain';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { LocalApi } from '../../../api-http/test/support/local-app.js';
import { useAwsBacking } from '../aws-flows/aws-backing.js';
import { readyPhotos } from './ready-photos.js';

/** A pending upload: the intent is stored, the object not yet. */
export interface Intent {
  readonly ownerId: string;
  readonly photoId: string;
  readonly key: string;
}

/** One `storage event ingested` line the consumer logged. */
export interface IngestedLine {
  readonly key: string;
  readonly kind: 'created' | 'removed';
  readonly outcome: string;
}

/** An S3 event record as moto_server sends it: key URL-encoded (`/` included, `+` for spaces), no sequencer. */
export interface EventRecord {
  readonly kind: 'created' | 'removed';
  readonly key: string;
  readonly size?: number;
  readonly etag?: string;
}

/** The whole photo pipeline of one test file: moto's bucket and queue, the worker's consumers, DynamoDB Local. */
export interface Pipeline {
  readonly app: LocalApi;
  /** Opens an upload through RequestPhotoUpload (a PNG), for `owner` (a fresh owner when absent). */
  intent(owner?: string): Promise<Intent>;
  /** Puts a PNG at `key` as a browser's upload does (moto enqueues its ObjectCreated event before answering). */
  upload(key: string): Promise<{ etag: string }>;
  /** Deletes the object (moto enqueues ObjectRemoved:Delete). */
  remove(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Sends a notification message of these records to the photo-events queue, as moto would. */
  deliver(records: readonly EventRecord[]): Promise<void>;
  /** Sends a raw message body to the photo-events queue. */
  send(body: string): Promise<void>;
  record(intent: Intent): Promise<PhotoRecord | null>;
  /** The ids of the owner's ready photos, every page read. */
  readyIds(ownerId: string): Promise<string[]>;
  /** Waits until the worker has settled every message (the photo-events queue has none left). */
  drained(): Promise<void>;
  /** Messages on the photo-events dead-letter queue. */
  deadLetters(): Promise<number>;
  /** What the consumer logged, in order. */
  readonly ingested: readonly IngestedLine[];
  /** The thumbnail key of a photo. */
  thumbnail(intent: Intent): string;
}

export interface PipelineOptions {
  /** Hooks on the composition's SDK clients (e.g. to inject DynamoDB throttling). */
  readonly instrumentation?: StoreInstrumentation;
  /** Visibility timeout set on the photo-events queue, so a failed message comes back soon. */
  readonly visibilityTimeoutSeconds?: number;
}

/** Moto's key encoding: encodeURIComponent with `+` for spaces (real S3 leaves `/`; the consumer decodes both). */
export const motoKey = (key: string): string => encodeURIComponent(key).replace(/%20/g, '+');

/** The notification body moto sends for `records` (eventTime without `Z`, no sequencer). */
export function notification(bucket: string, records: readonly EventRecord[]): string {
  return JSON.stringify({
    Records: records.map((record) => ({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: LOCAL_AWS_SETTINGS.region,
      eventTime: '2026-11-30T06:00:00.000',
      eventName: record.kind === 'created' ? 'ObjectCreated:Put' : 'ObjectRemoved:Delete',
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'photos',
        bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
        object: {
          key: motoKey(record.key),
          ...(record.kind === 'created' ? { size: record.size ?? 0, eTag: record.etag ?? '' } : {}),
        },
      },
    })),
  });
}

/**
 * Opens the real pipeline for one test file (call at its top): its own tables, bucket, queues (with the
 * bucket -> queue notification moto delivers itself) and identity stores on the run's emulators, composed
 * by composeLocalApp so the worker's own long-polling consumers drain the queue. Nothing of ours stands in
 * the path; the tests act on the bucket and the queue as S3 and its notifications do.
 */
export function usePipeline(options: PipelineOptions = {}): () => Pipeline {
  const open = useAwsBacking();
  let pipeline: Pipeline | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const backing = await open()();
    const env = backing.env;
    const endpoint = env['AWS_ENDPOINT_URL'];
    const bucket = env['PHOTOS_BUCKET']!;
    const queueUrl = env['PHOTO_EVENTS_QUEUE_URL']!;
    const s3 = new S3Client({ ...LOCAL_AWS_SETTINGS, endpoint, forcePathStyle: true });
    const sqs = new SQSClient({ ...LOCAL_AWS_SETTINGS, endpoint });
    if (options.visibilityTimeoutSeconds !== undefined) {
      await sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { VisibilityTimeout: String(options.visibilityTimeoutSeconds) } }));
    }
    const ingested: IngestedLine[] = [];
    const lines = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
          const entry = JSON.parse(line) as { msg?: string; outcome?: string; event?: { key: string; kind: 'created' | 'removed' } };
          if (entry.msg === 'storage event ingested' && entry.event && entry.outcome) {
            ingested.push({ key: entry.event.key, kind: entry.event.kind, outcome: entry.outcome });
          }
        }
        done();
      },
    });
    const app = await backing.compose!(loadHttpConfig({ LOG_LEVEL: 'info', UPLOAD_INTENTS_PER_HOUR: '10000', ...env }), {
      logger: pino({ level: 'info' }, lines),
      ...(options.instrumentation ? { instrumentation: options.instrumentation } : {}),
    });
    const catalog = app.resolve(PhotoCatalogToken);
    const requestUpload = app.resolve(RequestPhotoUpload);
    const image = png(24, 16);
    const deadLetterUrl = queueUrl.replace(/([^/]+)$/, '$1-dlq');
    close = async () => {
      await app.closers.closeAll();
      s3.destroy();
      sqs.destroy();
      await backing.close();
    };
    pipeline = {
      app,
      ingested,
      intent: async (owner = randomUUID()) => {
        const actor = { subject: owner, sessionId: 'pipeline' };
        const { photoId } = await requestUpload.execute({ actor, filename: 'pipeline.png', contentType: 'image/png', size: image.byteLength });
        return { ownerId: owner, photoId, key: `photos/${owner}/${photoId}` };
      },
      upload: async (key) => {
        const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: image, ContentType: 'image/png' }));
        return { etag: put.ETag ?? '' };
      },
      remove: async (key) => {
        await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      },
      exists: async (key) =>
        s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })).then(
          () => true,
          (error: { name?: string }) => {
            if (error.name === 'NotFound') return false;
            throw error;
          },
        ),
      deliver: async (records) => {
        await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: notification(bucket, records) }));
      },
      send: async (body) => {
        await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
      },
      record: (intent) => catalog.get(intent.ownerId, intent.photoId),
      readyIds: async (ownerId) => (await readyPhotos(catalog, ownerId)).map((photo) => photo.id),
      drained: () => app.worker.drained(),
      deadLetters: async () => {
        const { Attributes = {} } = await sqs.send(
          new GetQueueAttributesCommand({ QueueUrl: deadLetterUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
        );
        return Number(Attributes.ApproximateNumberOfMessages ?? 0) + Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0);
      },
      thumbnail: (intent) => photoThumbnailKey(intent.ownerId, intent.photoId),
    };
  }, 120_000);
  afterAll(async () => {
    await close?.();
  });
  return () => {
    if (pipeline === undefined) throw new Error('the pipeline is opened in beforeAll');
    return pipeline;
  };
}

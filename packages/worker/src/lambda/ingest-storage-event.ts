/**
 * The photo-events queue's Lambda (SAM: `ingest-storage-event.handler`, SQS event source with
 * ReportBatchItemFailures; the bucket notifies the queue). Composed at module load, once per cold start.
 */
import { IngestStorageEvent } from '@hdoc/domain';
import { ingestStorageEventConsumer } from '../consumers/ingest-storage-event.consumer.js';
import { createWorkerLambda } from './worker-lambda.js';

const lambda = await createWorkerLambda(
  'hdoc-ingest-storage-event',
  (resolve) => ingestStorageEventConsumer(resolve(IngestStorageEvent)),
  { environment: process.env },
);

export const handler = lambda.handler;

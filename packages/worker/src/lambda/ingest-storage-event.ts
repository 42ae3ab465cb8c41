/**
 * The photo-events queue's Lambda (SAM: `ingest-storage-event.handler`, SQS event source with
 * ReportBatchItemFailures; the bucket notifies the queue). Composed at module load, once per cold start.
 */
import { INGEST_STORAGE_EVENT } from '../entrypoints/index.js';
import { createWorkerLambda } from './worker-lambda.js';

const lambda = await createWorkerLambda(INGEST_STORAGE_EVENT, { environment: process.env });

export const handler = lambda.handler;

/**
 * The verification queue's Lambda (SAM: `verify-entry.handler`, SQS event source with
 * ReportBatchItemFailures). Composed at module load, once per cold start.
 */
import { VERIFY_ENTRY } from '../entrypoints/index.js';
import { createWorkerLambda } from './worker-lambda.js';

const lambda = await createWorkerLambda(VERIFY_ENTRY, { environment: process.env });

export const handler = lambda.handler;

/**
 * The verification queue's Lambda (SAM: `verify-entry.handler`, SQS event source with
 * ReportBatchItemFailures). Composed at module load, once per cold start.
 */
import { VerifyEntry } from '@hdoc/domain';
import { verifyEntryConsumer } from '../consumers/verify-entry.consumer.js';
import { createWorkerLambda } from './worker-lambda.js';

const lambda = await createWorkerLambda('hdoc-verify-entry', (resolve) => verifyEntryConsumer(resolve(VerifyEntry)), {
  environment: process.env,
});

export const handler = lambda.handler;

import type { Composition } from '@hdoc/composition';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { INGEST_STORAGE_EVENT, VERIFY_ENTRY } from '../entrypoints/index.js';
import type { ConsumerEntrypoint } from '../entrypoints/consumer-entrypoint.js';
import { runQueuePoller } from '../poller/queue-poller.js';
import { createSqsBatchHandler } from '../sqs/sqs-batch-handler.js';

/** The queues a long-running worker consumes, by URL. */
export interface ConsumedQueueUrls {
  readonly verification?: string | undefined;
  readonly photoEvents?: string | undefined;
}

/**
 * Runs the worker's consumers outside Lambda: one long-polling loop per configured SQS queue, each
 * through the same partial-batch handler as the Lambdas, on a composition holding their use cases.
 * At shutdown the loops stop receiving and finish the batch in progress before the composition's
 * other closers run. The SQS client is loaded here, on demand.
 */
export async function startQueueConsumers(
  composition: Pick<Composition, 'resolve' | 'logger' | 'closers' | 'config'>,
  queues: ConsumedQueueUrls,
): Promise<void> {
  if (queues.verification === undefined && queues.photoEvents === undefined) return;
  const { SQSClient: Client } = await import('@aws-sdk/client-sqs');
  const { SqsQueueSource } = await import('@hdoc/adapters-aws/sqs');
  const { region, endpoint } = composition.config.aws;
  const client: SQSClient = new Client({ ...(region === undefined ? {} : { region }), ...(endpoint === undefined ? {} : { endpoint }) });
  const stop = new AbortController();
  const loops: Promise<void>[] = [];
  const consume = (queueUrl: string | undefined, entrypoint: ConsumerEntrypoint<unknown>): void => {
    if (queueUrl === undefined) return;
    const logger = composition.logger.child({ queue: entrypoint.service });
    const handler = createSqsBatchHandler(entrypoint.consumer(composition.resolve), { logger });
    loops.push(runQueuePoller({ source: new SqsQueueSource({ client, queueUrl }), handler, logger, signal: stop.signal }));
  };
  consume(queues.verification, VERIFY_ENTRY as ConsumerEntrypoint<unknown>);
  consume(queues.photoEvents, INGEST_STORAGE_EVENT as ConsumerEntrypoint<unknown>);
  composition.closers.register('queue consumers', async () => {
    stop.abort();
    await Promise.all(loops);
    client.destroy();
  });
}

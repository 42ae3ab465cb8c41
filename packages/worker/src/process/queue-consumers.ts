import type { Composition } from '@hdoc/composition';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { redrivePolicyOf } from '../dlq/redrive-policy.js';
import { INGEST_STORAGE_EVENT, VERIFY_ENTRY } from '../entrypoints/index.js';
import type { ConsumerEntrypoint } from '../entrypoints/consumer-entrypoint.js';
import { runQueuePoller } from '../poller/queue-poller.js';
import { createSqsBatchHandler } from '../sqs/sqs-batch-handler.js';

/** The queues a long-running worker consumes, by URL. */
export interface ConsumedQueueUrls {
  readonly verification?: string | undefined;
  readonly photoEvents?: string | undefined;
}

/** How each queue is consumed. */
export interface QueueConsumerSettings {
  /** Batches (of up to 10 messages) processed at once per queue (default 1). */
  readonly concurrency?: number;
  /**
   * Visibility timeout messages are received with, extended every half of it while they are worked on
   * (default: the queue's own, not extended). Short, it brings back the messages of a crashed worker soon.
   */
  readonly visibilityTimeoutSeconds?: number;
}

/**
 * Runs the worker's consumers outside Lambda: one long-polling loop per configured SQS queue (times
 * `concurrency`), each through the same partial-batch handler as the Lambdas, on a composition holding
 * their use cases. Each queue's RedrivePolicy is read at start so a message failing on its last receive
 * is logged once as dead-lettered. At shutdown the loops stop receiving and finish the batches in
 * progress before the composition's other closers run. The SQS client is loaded here, on demand.
 */
export async function startQueueConsumers(
  composition: Pick<Composition, 'resolve' | 'logger' | 'closers' | 'config'>,
  queues: ConsumedQueueUrls,
  settings: QueueConsumerSettings = {},
): Promise<void> {
  if (queues.verification === undefined && queues.photoEvents === undefined) return;
  const { SQSClient: Client } = await import('@aws-sdk/client-sqs');
  const { SqsQueueSource } = await import('@hdoc/adapters-aws/sqs');
  const { region, endpoint } = composition.config.aws;
  const client: SQSClient = new Client({ ...(region === undefined ? {} : { region }), ...(endpoint === undefined ? {} : { endpoint }) });
  const stop = new AbortController();
  const loops: Promise<void>[] = [];
  const { visibilityTimeoutSeconds } = settings;
  const consume = async (queueUrl: string | undefined, entrypoint: ConsumerEntrypoint<unknown>): Promise<void> => {
    if (queueUrl === undefined) return;
    const logger = composition.logger.child({ queue: entrypoint.service });
    // Only for logging dead letters: an unreachable SQS must not stop the start (the loops retry receiving).
    const maxReceiveCount = await redrivePolicyOf(client, queueUrl).then(
      (policy) => policy?.maxReceiveCount,
      (error: unknown) => {
        logger.warn({ err: error }, 'could not read the RedrivePolicy: dead-lettered messages will not be named as such');
        return undefined;
      },
    );
    const handler = createSqsBatchHandler(entrypoint.consumer(composition.resolve), { logger, ...(maxReceiveCount !== undefined && { maxReceiveCount }) });
    const source = new SqsQueueSource({ client, queueUrl, ...(visibilityTimeoutSeconds !== undefined && { visibilityTimeoutSeconds }) });
    logger.info({ queue_url: queueUrl, concurrency: settings.concurrency ?? 1, visibility_timeout_s: visibilityTimeoutSeconds, max_receive_count: maxReceiveCount }, 'polling');
    loops.push(
      runQueuePoller({
        source,
        handler,
        logger,
        signal: stop.signal,
        ...(settings.concurrency !== undefined && { concurrency: settings.concurrency }),
        ...(visibilityTimeoutSeconds !== undefined && { visibilityTimeoutSeconds }),
      }),
    );
  };
  await consume(queues.verification, VERIFY_ENTRY as ConsumerEntrypoint<unknown>);
  await consume(queues.photoEvents, INGEST_STORAGE_EVENT as ConsumerEntrypoint<unknown>);
  composition.closers.register('queue consumers', async () => {
    stop.abort();
    await Promise.all(loops);
    client.destroy();
  });
}

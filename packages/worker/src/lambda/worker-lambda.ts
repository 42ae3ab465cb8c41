import { pino, type DestinationStream, type Logger } from 'pino';
import type { MemoryOverrides } from '../composition/adapter-modules.js';
import { resolverOf, type Resolve } from '../composition/resolver.js';
import { loadWorkerConfig } from '../composition/worker-config.js';
import { createWorkerContainer } from '../composition/worker-container.js';
import { createWorkerLogger } from '../composition/worker-logger.js';
import { createSqsBatchHandler, type SqsBatchHandler } from '../sqs/sqs-batch-handler.js';
import type { SqsConsumer } from '../sqs/sqs-consumer.js';

/** Where a worker Lambda gets its configuration and what tests may swap. */
export interface WorkerLambdaOptions {
  /** The environment variables (`process.env` in Lambda). */
  readonly environment: Readonly<Record<string, string | undefined>>;
  /** Defaults to synchronous stdout: Lambda freezes the process between invocations, so no line may wait in a buffer. */
  readonly destination?: DestinationStream;
  readonly memory?: MemoryOverrides;
}

/** A composed worker Lambda: its handler, and the container (as typed look-ups) and logger behind it. */
export interface WorkerLambda {
  readonly handler: SqsBatchHandler;
  readonly resolve: Resolve;
  readonly logger: Logger;
}

/**
 * Composes a worker Lambda: configuration, logger and container are built once (the entry modules
 * await this at module load, i.e. once per cold start, outside the handler), and the consumer taken
 * from the container runs behind a partial-batch-response handler. A configuration the worker cannot
 * serve throws ConfigError, which fails the cold start with that message.
 */
export async function createWorkerLambda<M>(
  service: string,
  consumerOf: (resolve: Resolve) => SqsConsumer<M>,
  options: WorkerLambdaOptions,
): Promise<WorkerLambda> {
  const config = loadWorkerConfig(options.environment);
  const logger = createWorkerLogger({
    level: config.logLevel,
    service,
    destination: options.destination ?? pino.destination({ sync: true }),
  });
  const resolve = resolverOf(await createWorkerContainer(config, options.memory));
  return { handler: createSqsBatchHandler(consumerOf(resolve), { logger }), resolve, logger };
}

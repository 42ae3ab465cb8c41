import { compose, createLogger, loadEnvironment, loadRuntimeConfig, type CompositionOptions, type Environment, type Resolve } from '@hdoc/composition';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { ConsumerEntrypoint } from '../entrypoints/consumer-entrypoint.js';
import { createSqsBatchHandler, type SqsBatchHandler } from '../sqs/sqs-batch-handler.js';

/** Where a worker Lambda gets its configuration and what tests may swap. */
export interface WorkerLambdaOptions {
  /** The environment variables (`process.env` in Lambda); the stage's SSM parameters fill in the rest. */
  readonly environment: Environment;
  /** Defaults to synchronous stdout: Lambda freezes the process between invocations, so no line may wait in a buffer. */
  readonly destination?: DestinationStream;
  readonly overrides?: CompositionOptions['overrides'];
}

/** A composed worker Lambda: its handler, and the container (as typed look-ups) and logger behind it. */
export interface WorkerLambda {
  readonly handler: SqsBatchHandler;
  readonly resolve: Resolve;
  readonly logger: Logger;
}

/**
 * Composes a worker Lambda: configuration, logger and container are built once (the entry modules
 * await this at module load, i.e. once per cold start, outside the handler), holding only what the
 * entrypoint's use cases need, and its consumer runs behind a partial-batch-response handler. A
 * configuration the worker cannot serve throws ConfigError, which fails the cold start with that message.
 */
export async function createWorkerLambda<M>(entrypoint: ConsumerEntrypoint<M>, options: WorkerLambdaOptions): Promise<WorkerLambda> {
  // The consumers read no secret yet (the verifiers' GitHub token will be one).
  const config = loadRuntimeConfig(await loadEnvironment(options.environment, []));
  const logger = createLogger({
    level: config.logLevel,
    service: entrypoint.service,
    destination: options.destination ?? pino.destination({ sync: true }),
  });
  const { resolve } = await compose({
    service: entrypoint.service,
    config,
    useCases: entrypoint.useCases,
    logger,
    ...(options.overrides ? { overrides: options.overrides } : {}),
  });
  return { handler: createSqsBatchHandler(entrypoint.consumer(resolve), { logger }), resolve, logger };
}

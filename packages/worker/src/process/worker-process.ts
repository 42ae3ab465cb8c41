import { compose, type Composition, type CompositionOptions, type UseCaseClass } from '@hdoc/composition';
import { SweepTimeTransitions } from '@hdoc/domain';
import type { Logger } from 'pino';
import { INGEST_STORAGE_EVENT, SWEEP, VERIFY_ENTRY } from '../entrypoints/index.js';
import { startSweepSchedule } from '../schedule/sweep-schedule.js';
import { startQueueConsumers } from './queue-consumers.js';
import type { WorkerConfig } from './worker-config.js';

/**
 * Composes and starts the worker as a process of its own (`npm run worker`): the consumers of the
 * queues of the port groups on aws (verification for the challenge, photo events for photos), and the
 * sweep of time transitions when the challenge is on aws. The composition holds only their use cases.
 * `closers.closeAll()` stops it gracefully.
 */
export async function startWorkerProcess(
  config: WorkerConfig,
  options: { readonly logger: Logger; readonly overrides?: CompositionOptions['overrides'] },
): Promise<Composition> {
  const challenge = config.adapters.challenge === 'aws';
  const photos = config.adapters.photos === 'aws';
  const useCases: UseCaseClass[] = [
    ...(challenge ? [...VERIFY_ENTRY.useCases, ...SWEEP.useCases] : []),
    ...(photos ? INGEST_STORAGE_EVENT.useCases : []),
  ];
  const composition = await compose({
    service: 'hdoc-worker',
    config,
    useCases,
    logger: options.logger,
    ...(options.overrides && { overrides: options.overrides }),
  });
  try {
    await startQueueConsumers(
      composition,
      { verification: challenge ? config.aws.verificationQueueUrl : undefined, photoEvents: photos ? config.aws.photoEventsQueueUrl : undefined },
      { concurrency: config.concurrency, visibilityTimeoutSeconds: config.visibilityTimeoutSeconds },
    );
    if (challenge) {
      startSweepSchedule({
        sweep: composition.resolve(SweepTimeTransitions),
        logger: composition.logger,
        closers: composition.closers,
        intervalMs: config.sweepIntervalSeconds * 1000,
      });
    }
  } catch (error) {
    await composition.closers.closeAll();
    throw error;
  }
  return composition;
}

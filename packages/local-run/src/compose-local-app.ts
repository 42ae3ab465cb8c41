import { composeHttpApp, type ComposeOptions, type HttpComposition, type HttpConfig } from '@hdoc/api-http';
import { SweepTimeTransitions } from '@hdoc/domain';
import {
  startInProcessWorker,
  startQueueConsumers,
  startSweepSchedule,
  WORKER_USE_CASES,
  type InProcessWorker,
  type SweepSchedule,
} from '@hdoc/worker';

/** The local run: the API and the worker in one process, on one composition. */
export interface LocalApp extends HttpComposition {
  /** The worker's consumers draining the memory queues (nothing to drain for groups running on AWS). */
  readonly worker: InProcessWorker;
  /** The challenge's time transitions, every SWEEP_INTERVAL_SECONDS. */
  readonly sweep: SweepSchedule;
}

/**
 * Composes the local run (`npm start`, and `npm run start:aws-local` on the emulators): the API's
 * composition holding the worker's use cases too, then the worker's own consumers on every queue the
 * configuration has (the memory queues of groups in memory; long polling on the SQS queues of groups
 * on aws), so an upload or an entry goes through the same consumer code as in production, and the
 * sweep of time transitions every few minutes. Only this package hosts both apps; neither imports the other.
 */
export async function composeLocalApp(config: HttpConfig, options: Omit<ComposeOptions, 'alsoRun'> = {}): Promise<LocalApp> {
  const composition = await composeHttpApp(config, { ...options, alsoRun: WORKER_USE_CASES });
  try {
    await startQueueConsumers(composition, {
      verification: config.adapters.challenge === 'aws' ? config.aws.verificationQueueUrl : undefined,
      photoEvents: config.adapters.photos === 'aws' ? config.aws.photoEventsQueueUrl : undefined,
    });
  } catch (error) {
    await composition.closers.closeAll();
    throw error;
  }
  const sweep = startSweepSchedule({
    sweep: composition.resolve(SweepTimeTransitions),
    logger: composition.logger,
    closers: composition.closers,
    intervalMs: config.sweepIntervalSeconds * 1000,
  });
  return { ...composition, worker: startInProcessWorker(composition), sweep };
}

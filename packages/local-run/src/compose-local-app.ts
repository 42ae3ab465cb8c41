import { composeHttpApp, type ComposeOptions, type HttpComposition, type HttpConfig } from '@hdoc/api-http';
import { SweepTimeTransitions } from '@hdoc/domain';
import { startInProcessWorker, startSweepSchedule, WORKER_USE_CASES, type InProcessWorker, type SweepSchedule } from '@hdoc/worker';

/** The local run: the API and the worker in one process, on one composition. */
export interface LocalApp extends HttpComposition {
  /** The worker's consumers draining the memory queues (nothing to drain when those groups run on AWS). */
  readonly worker: InProcessWorker;
  /** The challenge's time transitions, every SWEEP_INTERVAL_SECONDS. */
  readonly sweep: SweepSchedule;
}

/**
 * Composes `npm start`: the API's composition holding the worker's use cases too, and the worker's
 * own consumers started on its memory queues, so an upload or an entry goes through the same
 * consumer code as in production, and the sweep of time transitions runs every few minutes as the
 * worker process runs it. Only this package hosts both apps; neither app imports the other.
 */
export async function composeLocalApp(config: HttpConfig, options: Omit<ComposeOptions, 'alsoRun'> = {}): Promise<LocalApp> {
  const composition = await composeHttpApp(config, { ...options, alsoRun: WORKER_USE_CASES });
  const sweep = startSweepSchedule({
    sweep: composition.resolve(SweepTimeTransitions),
    logger: composition.logger,
    closers: composition.closers,
    intervalMs: config.sweepIntervalSeconds * 1000,
  });
  return { ...composition, worker: startInProcessWorker(composition), sweep };
}

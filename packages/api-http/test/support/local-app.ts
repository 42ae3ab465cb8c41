import { startInProcessWorker, WORKER_USE_CASES, type InProcessWorker } from '@hdoc/worker';
import { composeHttpApp, type ComposeOptions, type HttpComposition } from '../../src/composition/compose-http-app.js';
import type { HttpConfig } from '../../src/composition/config.js';

/** The API with the worker's consumers on its memory queues, in one process, as `npm start` runs it (see @hdoc/local-run). */
export interface LocalApi extends HttpComposition {
  readonly worker: InProcessWorker;
}

/**
 * Composes the API as the local run does, so black-box tests see uploads ingested and entries
 * verified by the worker's real consumers. (@hdoc/local-run's composeLocalApp, which this package
 * cannot depend on: local-run depends on it.)
 */
export async function composeLocalApi(config: HttpConfig, options: Omit<ComposeOptions, 'alsoRun'> = {}): Promise<LocalApi> {
  const composition = await composeHttpApp(config, { ...options, alsoRun: WORKER_USE_CASES });
  return { ...composition, worker: startInProcessWorker(composition) };
}

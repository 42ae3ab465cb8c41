/**
 * The sweep's Lambda (SAM: `sweep-time-transitions.handler`, run by an EventBridge schedule every few
 * minutes). Composed at module load, once per cold start.
 */
import { compose, createLogger, loadEnvironment, loadRuntimeConfig } from '@hdoc/composition';
import { SweepTimeTransitions, type SweepTimeTransitionsOutput } from '@hdoc/domain';
import { pino } from 'pino';
import { SWEEP } from '../entrypoints/index.js';

const config = loadRuntimeConfig(await loadEnvironment(process.env, []));
const logger = createLogger({ level: config.logLevel, service: SWEEP.service, destination: pino.destination({ sync: true }) });
const { resolve } = await compose({ ...SWEEP, config, logger });
const sweep = resolve(SweepTimeTransitions);

/** Applies the due transitions; a failure fails the invocation, and the next schedule tries again. */
export async function handler(): Promise<SweepTimeTransitionsOutput> {
  const outcome = await sweep.execute();
  logger.info(outcome, 'time transitions applied');
  return outcome;
}

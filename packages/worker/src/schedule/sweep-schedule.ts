import type { Closers } from '@hdoc/composition';
import type { SweepTimeTransitions } from '@hdoc/domain';
import type { Logger } from 'pino';

/** The running schedule: tests trigger a run instead of waiting for the timer. */
export interface SweepSchedule {
  /** Runs a sweep now (after the one in progress, if any) and resolves when it is done. */
  runNow(): Promise<void>;
}

/**
 * Runs SweepTimeTransitions every `intervalMs` in a long-running worker (the local run's included), so
 * statuses and streaks move with time and pending entries are re-queued without any write. One run at
 * a time: the next is scheduled when the previous ends, so a slow run never overlaps the next. A
 * failed run is logged and retried at the next tick. Stops at shutdown, after the run in progress.
 */
export function startSweepSchedule(options: {
  readonly sweep: Pick<SweepTimeTransitions, 'execute'>;
  readonly logger: Logger;
  readonly closers: Closers;
  readonly intervalMs: number;
}): SweepSchedule {
  const { sweep, intervalMs } = options;
  const logger = options.logger.child({ task: 'sweep' });
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = (): Promise<void> => {
    running = running.then(async () => {
      try {
        const outcome = await sweep.execute();
        if (outcome.profilesTransitioned + outcome.entriesRequeued > 0) logger.info(outcome, 'time transitions applied');
      } catch (error) {
        logger.error({ err: error }, 'sweep failed; next attempt at the next tick');
      }
    });
    return running;
  };
  const tick = (): void => {
    void run().then(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  timer = setTimeout(tick, intervalMs);
  options.closers.register('sweep schedule', async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  });
  return { runNow: run };
}

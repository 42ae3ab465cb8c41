import type { Logger } from 'pino';

/** What {@link installSignalShutdown} needs. */
export interface SignalShutdownOptions {
  readonly logger: Logger;
  /** Stops the work gracefully (stop accepting or receiving, finish what is in flight, release clients). */
  readonly stop: () => Promise<void>;
  /** Ends the process; injected so tests can observe it. */
  readonly exit?: (code: number) => void;
}

/** The installed shutdown: run it directly, or remove its signal handlers. */
export interface SignalShutdown {
  /** Runs `stop` (once, however often it is called or signalled), then exits 0. */
  readonly shutdown: () => Promise<void>;
  readonly dispose: () => void;
}

/**
 * The shutdown of a long-running host (the local server, the worker process): on the first SIGTERM or
 * SIGINT runs `stop` and exits 0; a second signal exits at once with 1 (a worker's messages in flight
 * then come back after their visibility timeout; nothing is lost).
 */
export function installSignalShutdown(options: SignalShutdownOptions): SignalShutdown {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    stopping ??= (async () => {
      await options.stop();
      options.logger.info('stopped');
      options.logger.flush();
      exit(0);
    })();
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping !== undefined) {
      options.logger.warn({ signal }, 'second signal: exiting now');
      options.logger.flush();
      exit(1);
      return;
    }
    options.logger.info({ signal }, 'signal received: finishing the work in flight');
    void shutdown();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return {
    shutdown,
    dispose: () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    },
  };
}

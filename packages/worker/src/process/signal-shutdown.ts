import type { Logger } from 'pino';

/** What {@link installSignalShutdown} needs. */
export interface SignalShutdownOptions {
  readonly logger: Logger;
  /** Stops the work gracefully (stop receiving, finish and delete what is in flight, release clients). */
  readonly stop: () => Promise<void>;
  /** Ends the process; injected so tests can observe it. */
  readonly exit?: (code: number) => void;
}

/**
 * On the first SIGTERM or SIGINT runs `stop` and exits 0; a second signal exits at once with 1 (the
 * messages in flight then come back after their visibility timeout: nothing is lost). Returns the
 * removal of the handlers.
 */
export function installSignalShutdown(options: SignalShutdownOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      options.logger.warn({ signal }, 'second signal: exiting now');
      options.logger.flush();
      exit(1);
      return;
    }
    stopping = true;
    options.logger.info({ signal }, 'signal received: no new messages, finishing those in flight');
    void options.stop().then(() => {
      options.logger.info('stopped');
      options.logger.flush();
      exit(0);
    });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  };
}

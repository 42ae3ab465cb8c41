import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Closers } from '@hdoc/composition';

/**
 * Stops the server: no new connections, idle keep-alive connections closed at once, in-flight
 * requests allowed to finish until `deadlineMs`, after which their connections are cut.
 */
export function stopServer(server: Server, deadlineMs: number): Promise<void> {
  return new Promise((resolve) => {
    const deadline = setTimeout(() => server.closeAllConnections(), deadlineMs);
    // Connections that finish their last request become idle: close them as they do.
    const sweeper = setInterval(() => server.closeIdleConnections(), 50);
    server.close(() => {
      clearTimeout(deadline);
      clearInterval(sweeper);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** What a graceful shutdown needs. */
export interface ShutdownOptions {
  readonly server: Server;
  readonly closers: Closers;
  readonly logger: Logger;
  readonly timeoutMs: number;
  /** Ends the process; injected so tests can observe it. */
  readonly exit?: (code: number) => void;
}

/** The installed shutdown: run it directly, or remove its signal handlers. */
export interface GracefulShutdown {
  readonly shutdown: () => Promise<void>;
  readonly dispose: () => void;
}

/**
 * Installs the shutdown sequence (stop the server, then run the closers, then exit 0) on SIGTERM
 * and SIGINT. A second signal during shutdown exits at once with 1.
 */
export function installGracefulShutdown(options: ShutdownOptions): GracefulShutdown {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let shuttingDown: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    shuttingDown ??= (async () => {
      options.logger.info('shutting down: finishing in-flight requests');
      await stopServer(options.server, options.timeoutMs);
      await options.closers.closeAll();
      options.logger.info('stopped');
      options.logger.flush();
      exit(0);
    })();
    return shuttingDown;
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (shuttingDown !== undefined) {
      options.logger.warn({ signal }, 'second signal: exiting now');
      exit(1);
      return;
    }
    options.logger.info({ signal }, 'signal received');
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

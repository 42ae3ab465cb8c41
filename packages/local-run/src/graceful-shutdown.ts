import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { installSignalShutdown, type Closers, type SignalShutdown } from '@hdoc/composition';

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

/**
 * Installs the shutdown sequence (stop the server, then run the closers, then exit 0) on SIGTERM
 * and SIGINT, through the composition's signal handling: a second signal exits at once with 1.
 */
export function installGracefulShutdown(options: ShutdownOptions): SignalShutdown {
  return installSignalShutdown({
    logger: options.logger,
    ...(options.exit !== undefined && { exit: options.exit }),
    stop: async () => {
      options.logger.info('shutting down: finishing in-flight requests');
      await stopServer(options.server, options.timeoutMs);
      await options.closers.closeAll();
    },
  });
}

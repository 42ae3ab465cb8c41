import type { AddressInfo } from 'node:net';
import { isWildcardHost, reachableBaseUrl, type HttpConfig } from '@hdoc/api-http';
import type { LocalApp } from './compose-local-app.js';
import { installGracefulShutdown } from './graceful-shutdown.js';

/**
 * Serves a composed local app on HOST:PORT: prints where it listens (and the docs), tells the
 * composition its address, runs `onListening` (the demo's banner), and stops gracefully on SIGTERM/SIGINT.
 */
export function serveLocalApp(config: HttpConfig, local: LocalApp, onListening: (baseUrl: string) => void = () => {}): void {
  const { app, logger, closers, listeningAt } = local;
  const server = app.listen(config.port, config.host);
  server.once('listening', () => {
    const { port } = server.address() as AddressInfo;
    // A wildcard HOST is not an address to visit: print localhost (other machines use this one's name).
    const base = reachableBaseUrl(config, port);
    listeningAt(base);
    const everywhere = isWildcardHost(config.host) ? ` (all interfaces, port ${port})` : '';
    logger.info(
      { url: base, docs: `${base}/docs`, adapters: config.adapters },
      `hdoc API listening on ${base}${everywhere} (docs: ${base}/docs, OpenAPI: ${base}/openapi.json)`,
    );
    onListening(base);
  });
  server.once('error', (error) => {
    logger.fatal({ err: error }, 'cannot listen');
    logger.flush();
    process.exitCode = 1;
  });
  installGracefulShutdown({ server, closers, logger, timeoutMs: config.shutdownTimeoutMs });
}

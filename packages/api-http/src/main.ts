/**
 * `npm start`: the HTTP API on the adapters chosen by configuration (in memory by default, no setup).
 */
import type { AddressInfo } from 'node:net';
import { composeHttpApp } from './composition/compose-http-app.js';
import { ConfigError, loadHttpConfig } from './composition/config.js';
import { installGracefulShutdown } from './composition/graceful-shutdown.js';

async function main(): Promise<void> {
  const config = loadHttpConfig(process.env);
  // A local run: with no GitHub OAuth app configured, offer the development sign-in.
  const { app, logger, closers, listeningAt } = await composeHttpApp(config, { developmentSignIn: true });
  const server = app.listen(config.port, config.host);
  server.once('listening', () => {
    const { port } = server.address() as AddressInfo;
    const base = config.publicBaseUrl ?? `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    listeningAt(base);
    logger.info(
      { url: base, docs: `${base}/docs`, adapters: config.adapters },
      `hdoc API listening on ${base} (docs: ${base}/docs, OpenAPI: ${base}/openapi.json)`,
    );
  });
  server.once('error', (error) => {
    logger.fatal({ err: error }, 'cannot listen');
    logger.flush();
    process.exitCode = 1;
  });
  installGracefulShutdown({ server, closers, logger, timeoutMs: config.shutdownTimeoutMs });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});

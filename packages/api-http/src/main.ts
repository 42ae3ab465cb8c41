/**
 * `npm start`: the HTTP API on the adapters chosen by configuration (in memory by default, no setup).
 * `npm start -- --demo` (`npm run demo`) loads demo data first and prints the demo user's sign-in.
 */
import type { AddressInfo } from 'node:net';
import { composeHttpApp } from './composition/compose-http-app.js';
import { ConfigError, loadHttpConfig } from './composition/config.js';
import { installGracefulShutdown } from './composition/graceful-shutdown.js';
import { isWildcardHost, reachableBaseUrl } from './composition/server-base-url.js';
import { composeDemoApp, demoBanner } from './demo/compose-demo-app.js';

async function main(): Promise<void> {
  const config = loadHttpConfig(process.env);
  const demo = process.argv.slice(2).includes('--demo') ? await composeDemoApp(config) : null;
  // A local run: with no GitHub OAuth app configured, offer the development sign-in.
  const { app, logger, closers, listeningAt } = demo?.composition ?? (await composeHttpApp(config, { developmentSignIn: true }));
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
    // Straight to the terminal, once, after the buffered log lines: the password never goes into a log line.
    if (demo !== null) logger.flush(() => process.stdout.write(demoBanner(base, demo)));
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

/**
 * `npm start`: the HTTP API and the worker's consumers in one process, on the adapters chosen by
 * configuration (in memory by default, no setup). `npm start -- --demo` (`npm run demo`) loads demo
 * data first and prints the demo user's sign-in.
 */
import type { AddressInfo } from 'node:net';
import { isWildcardHost, loadHttpConfig, reachableBaseUrl } from '@hdoc/api-http';
import { ConfigError } from '@hdoc/composition';
import { composeLocalApp } from './compose-local-app.js';
import { composeDemoApp, demoBanner } from './demo/compose-demo-app.js';
import { installGracefulShutdown } from './graceful-shutdown.js';

async function main(): Promise<void> {
  const config = loadHttpConfig(process.env);
  // A local run: with no GitHub OAuth app configured, offer the development sign-in.
  const demo = process.argv.slice(2).includes('--demo') ? await composeDemoApp(config, { developmentSignIn: true }) : null;
  const { app, logger, closers, listeningAt } = demo?.composition ?? (await composeLocalApp(config, { developmentSignIn: true }));
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

/**
 * `npm start`: the HTTP API and the worker's consumers in one process, on the adapters chosen by
 * configuration (in memory by default, no setup). `npm start -- --demo` (`npm run demo`) loads demo
 * data first and prints the demo user's sign-in.
 */
import { loadHttpConfig } from '@hdoc/api-http';
import { ConfigError } from '@hdoc/composition';
import { composeLocalApp } from './compose-local-app.js';
import { composeDemoApp, demoBanner } from './demo/compose-demo-app.js';
import { serveLocalApp } from './serve-local-app.js';

async function main(): Promise<void> {
  const config = loadHttpConfig(process.env);
  // A local run: with no GitHub OAuth app configured, offer the development sign-in.
  const demo = process.argv.slice(2).includes('--demo') ? await composeDemoApp(config, { developmentSignIn: true }) : null;
  const local = demo?.composition ?? (await composeLocalApp(config, { developmentSignIn: true }));
  serveLocalApp(config, local, (base) => {
    // Straight to the terminal, once, after the buffered log lines: the password never goes into a log line.
    if (demo !== null) local.logger.flush(() => process.stdout.write(demoBanner(base, demo)));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});

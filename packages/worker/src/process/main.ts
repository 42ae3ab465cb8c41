/**
 * `npm run worker`: the worker as a long-polling process on the AWS adapters. Reads the runtime
 * configuration (with the stage's SSM parameters when HDOC_SSM_PATH is set), consumes the SQS queues
 * of the groups on aws and runs the sweep; SIGTERM or SIGINT stops it gracefully, a second one at once.
 */
import { ConfigError, createLogger, installSignalShutdown, loadEnvironment } from '@hdoc/composition';
import { pino } from 'pino';
import { loadWorkerConfig } from './worker-config.js';
import { startWorkerProcess } from './worker-process.js';

async function main(): Promise<void> {
  const config = loadWorkerConfig(await loadEnvironment(process.env, []));
  // Synchronous: the lines of a batch settled just before exit are written, not left in a buffer.
  const logger = createLogger({ level: config.logLevel, service: 'hdoc-worker', destination: pino.destination({ sync: true }) });
  const worker = await startWorkerProcess(config, { logger });
  installSignalShutdown({ logger, stop: () => worker.closers.closeAll() });
  logger.info('worker started');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});

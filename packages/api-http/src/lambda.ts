/**
 * The API Lambda (API Gateway HTTP API, payload 2.0). The composition starts at module load, i.e.
 * once per cold start, outside the handler.
 */
import { pino } from 'pino';
import { composeHttpApp } from './composition/compose-http-app.js';
import { loadHttpConfig } from './composition/config.js';
import { createLogger } from './http/logging/logger.js';
import { createLambdaHandler } from './lambda-handler.js';

const config = loadHttpConfig(process.env);
// Lambda freezes the process between invocations: write log lines synchronously so none waits in a buffer.
const logger = createLogger({ level: config.logLevel, service: 'hdoc-api', destination: pino.destination({ sync: true }) });

export const handler = createLambdaHandler(composeHttpApp(config, { logger }));

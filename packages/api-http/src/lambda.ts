/**
 * The API Lambda (API Gateway HTTP API, payload 2.0). The composition starts at module load, i.e.
 * once per cold start, outside the handler: the stage's SSM parameters and the API's secrets are
 * fetched then, once.
 */
import { createLogger, loadEnvironment } from '@hdoc/composition';
import { pino } from 'pino';
import { composeHttpApp } from './composition/compose-http-app.js';
import { loadHttpConfig } from './composition/config.js';
import { createLambdaHandler } from './lambda-handler.js';

/** The secrets the API function may read (deploy/template.yaml grants these). */
const API_SECRETS = ['JWT_SIGNING_SECRET_ARN', 'GITHUB_OAUTH_SECRET_ARN', 'DATABASE_SECRET_ARN'];

const config = loadHttpConfig(await loadEnvironment(process.env, API_SECRETS));
// Lambda freezes the process between invocations: write log lines synchronously so none waits in a buffer.
const logger = createLogger({ level: config.logLevel, service: 'hdoc-api', destination: pino.destination({ sync: true }) });

export const handler = createLambdaHandler(composeHttpApp(config, { logger }));

import type { Express } from 'express';
import type { Container, ContainerModule } from 'inversify';
import type { Logger } from 'pino';
import { createHttpApp } from '../http/app.js';
import { createLogger } from '../http/logging/logger.js';
import type { OpenApiDocument } from '../http/openapi/openapi-document.js';
import type { Route } from '../http/routing/define-route.js';
import { apiRoutes } from '../routes/index.js';
import { Closers } from './closers.js';
import type { HttpConfig } from './config.js';
import { createContainer } from './container.js';
import { modulesFor } from './modules.js';
import { AuthenticateToken, ReadinessCheckToken } from './tokens.js';

/** The composed HTTP application and what its host (server, Lambda) needs to run and stop it. */
export interface HttpComposition {
  readonly app: Express;
  readonly openApi: OpenApiDocument;
  readonly container: Container;
  readonly logger: Logger;
  readonly closers: Closers;
  readonly config: HttpConfig;
}

/** Overrides for tests and hosts; by default everything follows the configuration. */
export interface ComposeOptions {
  readonly logger?: Logger;
  readonly modules?: readonly ContainerModule[];
  readonly routes?: readonly Route[];
}

/** The composition root of the HTTP API: container, routes and app, for a configuration. */
export async function composeHttpApp(config: HttpConfig, options: ComposeOptions = {}): Promise<HttpComposition> {
  const logger = options.logger ?? createLogger({ level: config.logLevel, service: 'hdoc-api' });
  const closers = new Closers(logger);
  const container = await createContainer(config, logger, closers, options.modules ?? modulesFor(config.adapters));
  const { app, openApi } = createHttpApp({
    logger,
    routes: options.routes ?? apiRoutes,
    ...(container.isBound(AuthenticateToken) ? { authenticate: container.get(AuthenticateToken) } : {}),
    readinessChecks: container.isBound(ReadinessCheckToken) ? container.getAll(ReadinessCheckToken) : [],
    resolve: (token) => container.get(token),
    corsOrigins: config.corsOrigins,
    ...(config.publicBaseUrl === undefined ? {} : { publicBaseUrl: config.publicBaseUrl }),
    trustProxy: config.trustProxy,
  });
  return { app, openApi, container, logger, closers, config };
}

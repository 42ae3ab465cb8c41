import { MemoryUploadUrlSignerToken, MemoryVerificationQueueToken } from '@hdoc/adapters-memory';
import type { Express } from 'express';
import type { Container, ContainerModule } from 'inversify';
import type { Logger } from 'pino';
import { createHttpApp } from '../http/app.js';
import { createLogger } from '../http/logging/logger.js';
import type { OpenApiDocument } from '../http/openapi/openapi-document.js';
import type { Route } from '../http/routing/define-route.js';
import type { ReadinessCheck } from '../http/system/readiness.js';
import { API_OVERVIEW } from '../routes/api-overview.js';
import { apiRoutes } from '../routes/index.js';
import { DEV_SIGN_IN_PATH, DevelopmentGitHub, devSignInRouter } from '../routes/dev-sign-in/index.js';
import { localStorageRouter } from '../routes/local/index.js';
import { Closers } from './closers.js';
import type { HttpConfig } from './config.js';
import { createContainer } from './container.js';
import { startInProcessWorker, type InProcessWorker } from './in-process-worker.js';
import { modulesFor, type MemoryOverrides } from './modules.js';
import { resolverOf } from './resolver.js';
import { serverBaseUrl } from './server-base-url.js';
import { AuthenticateToken, ReadinessCheckToken } from './tokens.js';

/** The composed HTTP application and what its host (server, Lambda) needs to run and stop it. */
export interface HttpComposition {
  readonly app: Express;
  readonly openApi: OpenApiDocument;
  readonly container: Container;
  readonly logger: Logger;
  readonly closers: Closers;
  readonly config: HttpConfig;
  /** The in-process worker draining the memory queues (memory family only). */
  readonly worker: InProcessWorker | null;
  /**
   * Tells the composition where the server is reached once it listens (when PUBLIC_BASE_URL is unset):
   * local upload/view URLs and the OAuth callback are built from it (with a wildcard HOST, from each
   * request's Host instead; see server-base-url.ts).
   */
  listeningAt(url: string): void;
}

/** Overrides for tests and hosts; by default everything follows the configuration. */
export interface ComposeOptions {
  readonly logger?: Logger;
  readonly modules?: readonly ContainerModule[];
  readonly routes?: readonly Route[];
  /** Swaps in test doubles (clock, entry verifier) in the memory family. */
  readonly memory?: MemoryOverrides;
  /**
   * Offer the development sign-in (a local GitHub stand-in under /dev/github) when GITHUB_CLIENT_ID is
   * unset. Only local hosts (`npm start`) ask for it; Lambda never does, so there GitHub sign-in answers 503.
   */
  readonly developmentSignIn?: boolean;
}

/** The composition root of the HTTP API: container, routes and app, for a configuration. */
export async function composeHttpApp(config: HttpConfig, options: ComposeOptions = {}): Promise<HttpComposition> {
  const logger = options.logger ?? createLogger({ level: config.logLevel, service: 'hdoc-api' });
  const closers = new Closers(logger);
  const baseUrl = serverBaseUrl(config);
  const developmentGitHub =
    options.developmentSignIn === true && config.github.clientId === undefined
      ? new DevelopmentGitHub(() => `${baseUrl.current()}/auth/github/callback`)
      : undefined;
  if (developmentGitHub !== undefined) {
    logger.warn(`GITHUB_CLIENT_ID is unset: GitHub sign-in uses the development stand-in at ${DEV_SIGN_IN_PATH} (not GitHub)`);
  }
  const modules =
    options.modules ??
    (await modulesFor(config, {
      baseUrl: baseUrl.current,
      ...(options.memory ? { memory: options.memory } : {}),
      ...(developmentGitHub ? { developmentGitHub } : {}),
    }));
  const container = await createContainer(config, logger, closers, modules);
  const worker = container.isBound(MemoryVerificationQueueToken) ? startInProcessWorker(container, logger, closers) : null;
  const { app, openApi } = createHttpApp({
    logger,
    routes: options.routes ?? apiRoutes,
    routers: [
      ...(container.isBound(MemoryUploadUrlSignerToken) ? [localStorageRouter(resolverOf(container))] : []),
      // Not part of the API: it stands in for github.com, so the document does not list it.
      ...(developmentGitHub ? [{ router: devSignInRouter(developmentGitHub), operations: [] }] : []),
    ],
    ...(container.isBound(AuthenticateToken) ? { authenticate: container.get(AuthenticateToken) } : {}),
    readinessChecks: [
      ...(container.isBound(ReadinessCheckToken) ? container.getAll<ReadinessCheck>(ReadinessCheckToken) : []),
      ...(worker === null ? [] : [worker.readiness]),
    ],
    resolve: resolverOf(container),
    info: { title: 'hdoc API', version: '0.1.0', description: API_OVERVIEW },
    corsOrigins: config.corsOrigins,
    ...(config.publicBaseUrl === undefined ? {} : { publicBaseUrl: config.publicBaseUrl }),
    trustProxy: config.trustProxy,
    ...(baseUrl.requestScope === undefined ? {} : { requestScope: baseUrl.requestScope }),
  });
  return { app, openApi, container, logger, closers, config, worker, listeningAt: baseUrl.listeningAt };
}

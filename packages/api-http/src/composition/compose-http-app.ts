import { MemoryUploadUrlSignerToken } from '@hdoc/adapters-memory';
import { compose, createLogger, type Composition, type CompositionOptions, type UseCaseClass } from '@hdoc/composition';
import type { Express } from 'express';
import type { ContainerModule } from 'inversify';
import type { Logger } from 'pino';
import { createHttpApp } from '../http/app.js';
import type { OpenApiDocument } from '../http/openapi/openapi-document.js';
import type { Route } from '../http/routing/define-route.js';
import { API_OVERVIEW } from '../routes/api-overview.js';
import { apiRoutes } from '../routes/index.js';
import { DEV_SIGN_IN_PATH, DevelopmentGitHub, devSignInRouter } from '../routes/dev-sign-in/index.js';
import { localStorageRouter } from '../routes/local/index.js';
import type { HttpConfig } from './config.js';
import { githubOptions } from './github-options.js';
import { httpModule } from './http.module.js';
import { HTTP_USE_CASES } from './http-use-cases.js';
import { serverBaseUrl } from './server-base-url.js';
import { AuthenticateToken } from './tokens.js';

/** The composed HTTP application and what its host (server, Lambda) needs to run and stop it. */
export interface HttpComposition extends Composition {
  readonly app: Express;
  readonly openApi: OpenApiDocument;
  readonly config: HttpConfig;
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
  /** Bindings added after the composition's own (test doubles of the app's services). */
  readonly modules?: readonly ContainerModule[];
  readonly routes?: readonly Route[];
  /** Swaps in test doubles (clock, entry verifier) in the memory family. */
  readonly overrides?: CompositionOptions['overrides'];
  /**
   * Use cases of other entrypoints that run in the same process (the local run's in-process worker):
   * the container binds them beside the API's, on the same adapters.
   */
  readonly alsoRun?: readonly UseCaseClass[];
  /**
   * Offer the development sign-in (a local GitHub stand-in under /dev/github) when GITHUB_CLIENT_ID is
   * unset. Only local hosts (`npm start`) ask for it; Lambda never does, so there GitHub sign-in answers 503.
   */
  readonly developmentSignIn?: boolean;
  /** Observers of the AWS family's clients (the aws-calls benchmark counts calls with it); none in production. */
  readonly instrumentation?: CompositionOptions['instrumentation'];
}

/** The composition root of the HTTP API: the shared composition of its use cases, then routes and app. */
export async function composeHttpApp(config: HttpConfig, options: ComposeOptions = {}): Promise<HttpComposition> {
  const logger = options.logger ?? createLogger({ level: config.logLevel, service: 'hdoc-api' });
  const baseUrl = serverBaseUrl(config);
  const developmentGitHub =
    options.developmentSignIn === true && config.github.clientId === undefined
      ? new DevelopmentGitHub(() => `${baseUrl.current()}/auth/github/callback`)
      : undefined;
  if (developmentGitHub !== undefined) {
    logger.warn(`GITHUB_CLIENT_ID is unset: GitHub sign-in uses the development stand-in at ${DEV_SIGN_IN_PATH} (not GitHub)`);
  }
  const composition = await compose({
    service: 'hdoc-api',
    config,
    useCases: [...HTTP_USE_CASES, ...(options.alsoRun ?? [])],
    logger,
    localBaseUrl: baseUrl.current,
    github: githubOptions(config, baseUrl.current, developmentGitHub),
    modules: [httpModule(config), ...(options.modules ?? [])],
    ...(options.overrides ? { overrides: options.overrides } : {}),
    ...(options.instrumentation ? { instrumentation: options.instrumentation } : {}),
  });
  const { container, resolve, readiness } = composition;
  const { app, openApi } = createHttpApp({
    logger,
    routes: options.routes ?? apiRoutes,
    routers: [
      ...(container.isBound(MemoryUploadUrlSignerToken) ? [localStorageRouter(resolve)] : []),
      // Not part of the API: it stands in for github.com, so the document does not list it.
      ...(developmentGitHub ? [{ router: devSignInRouter(developmentGitHub), operations: [] }] : []),
    ],
    authenticate: container.get(AuthenticateToken),
    readinessChecks: () => readiness.all(),
    resolve,
    info: { title: 'hdoc API', version: '0.1.0', description: API_OVERVIEW },
    corsOrigins: config.corsOrigins,
    ...(config.publicBaseUrl === undefined ? {} : { publicBaseUrl: config.publicBaseUrl }),
    trustProxy: config.trustProxy,
    ...(baseUrl.requestScope === undefined ? {} : { requestScope: baseUrl.requestScope }),
  });
  return { ...composition, app, openApi, config, listeningAt: baseUrl.listeningAt };
}

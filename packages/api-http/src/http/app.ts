import cors from 'cors';
import { API_SECURITY_HEADERS, securityHeaders } from './security/security-headers.js';
import express, { type Express, type Request } from 'express';
import type { Logger } from 'pino';
import { errorHandler, notFoundHandler } from './errors/error-handler.js';
import { requestLogging } from './logging/request-logging.js';
import { DOCS_PATHS, docsRouter } from './openapi/docs-page.js';
import { buildOpenApiDocument, type ApiInfo, type OpenApiDocument } from './openapi/openapi-document.js';
import { rejectAllTokens, type Authenticate } from './routing/authenticate.js';
import { routerPath, type Resolve, type Route } from './routing/define-route.js';
import { bodyEtag } from './routing/body-etag.js';
import { jsonBodyReader } from './routing/request-input.js';
import type { MountedRouter } from './routing/mounted-router.js';
import { routeDispatcher, type OtherPath } from './routing/route-dispatcher.js';
import { healthRoutes } from './system/health.routes.js';
import type { RequestStep } from './request-step.js';
import type { ReadinessCheck } from '@hdoc/composition';

/** Everything the HTTP app is built from; only `logger` and `routes` are required. */
export interface HttpAppOptions {
  readonly logger: Logger;
  /** The product's routes (`/healthz` and `/readyz` are added). */
  readonly routes: readonly Route[];
  /**
   * Plain express routers for endpoints outside the declared JSON routes (multipart in, bytes out:
   * the memory family's local storage endpoints). Mounted after the declared routes, so a declared
   * route wins a path both serve (and API requests never walk a router's stack); their operations are
   * listed in the OpenAPI document and their errors reach the same error handler.
   */
  readonly routers?: readonly MountedRouter[];
  /**
   * Runs each request inside it (`serve` serves the request): for a scope that must hold for the
   * whole request, such as an AsyncLocalStorage holding the origin the request was sent to.
   */
  readonly requestScope?: (req: Request, serve: () => void) => void;
  /** Validates bearer access tokens; by default every token is rejected. */
  readonly authenticate?: Authenticate;
  /** Service lookup handed to handlers; by default every lookup fails. */
  readonly resolve?: Resolve;
  readonly readinessChecks?: () => readonly ReadinessCheck[];
  /** How long one readiness check may take before it counts as failed (2 s by default). */
  readonly readinessTimeoutMs?: number;
  /** Browser origins allowed by CORS; none by default; `['*']`: any origin. */
  readonly corsOrigins?: readonly string[];
  /**
   * Absolute base URL the API is reached at, listed as the OpenAPI server; when it is https, the docs
   * page also asks browsers to upgrade insecure requests.
   */
  readonly publicBaseUrl?: string;
  readonly info?: ApiInfo;
  /** Largest accepted JSON body, 64 KiB by default. */
  readonly bodyLimitBytes?: number;
  /** express `trust proxy`: set it when a known proxy (API Gateway, a load balancer) sets X-Forwarded-For. */
  readonly trustProxy?: boolean | number;
}

/** The express app and the OpenAPI document generated from its routes. */
export interface HttpApp {
  readonly app: Express;
  readonly openApi: OpenApiDocument;
}

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;
const DEFAULT_INFO: ApiInfo = { title: 'hdoc API', version: '0.1.0' };

const noResolver: Resolve = (token) => {
  throw new Error(`no service bound for ${String(token)}`);
};

/**
 * Builds the HTTP app: request ids and logs, security headers, CORS, the declared routes, the
 * OpenAPI document and its docs page, JSON 404s and the single error handler.
 */
export function createHttpApp(options: HttpAppOptions): HttpApp {
  const routes = [...healthRoutes(options.readinessChecks ?? (() => []), options.readinessTimeoutMs), ...options.routes];
  const routers = options.routers ?? [];
  const routerOperations = routers.flatMap(({ operations }) => operations);
  const openApi = buildOpenApiDocument(routes, options.info ?? DEFAULT_INFO, options.publicBaseUrl, routerOperations);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', bodyEtag);
  app.set('query parser', 'simple');
  app.set('trust proxy', options.trustProxy ?? false);
  const steps: readonly RequestStep[] = [requestLogging(app, options.logger), securityHeaders(API_SECURITY_HEADERS)];
  // Without allowed origins, browsers already refuse cross-origin reads: no CORS work at all.
  const corsOrigins = options.corsOrigins ?? [];
  const allowCors =
    corsOrigins.length > 0
      ? cors({
          // `*` answers `Access-Control-Allow-Origin: *`: safe here, since no API route relies on cookies.
          origin: corsOrigins.includes('*') ? '*' : [...corsOrigins],
          allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
          exposedHeaders: ['X-Request-Id', 'Retry-After', 'WWW-Authenticate'],
          maxAge: 600,
        })
      : undefined;
  const deps = {
    authenticate: options.authenticate ?? rejectAllTokens,
    resolve: options.resolve ?? noResolver,
    readBody: jsonBodyReader(options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES),
  };
  const others: OtherPath[] = [
    ...routerOperations.map(({ spec, match }) => ({ method: spec.method, path: match ?? routerPath(spec.path) })),
    ...DOCS_PATHS,
  ];
  const dispatch = routeDispatcher(routes, deps, others);
  // Every request's steps, CORS (which may answer a preflight) and the declared routes share one layer.
  const serve: express.RequestHandler = (req, res, next) => {
    for (const step of steps) step(req, res);
    if (allowCors === undefined) dispatch(req, res, next);
    else allowCors(req, res, (error?: unknown) => (error === undefined ? dispatch(req, res, next) : next(error)));
  };
  const { requestScope } = options;
  app.use(requestScope === undefined ? serve : (req, res, next) => requestScope(req, () => serve(req, res, next)));
  // After the declared routes, so API requests never walk these stacks; the dispatcher sends on only
  // the methods and paths a router declares.
  for (const { router } of routers) app.use(router);
  app.use(docsRouter(openApi, { https: options.publicBaseUrl?.startsWith('https:') ?? false }));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return { app, openApi };
}

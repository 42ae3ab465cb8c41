import type { Route } from '../http/routing/define-route.js';

/**
 * Every product route, one module per operation under `routes/<area>/` (see the package README).
 * `/healthz`, `/readyz`, `/openapi.json` and `/docs` are added by the app itself.
 */
export const apiRoutes: readonly Route[] = [];

import type { Route } from '../http/routing/define-route.js';
import { challengeRoutes } from './challenge/index.js';
import { identityRoutes } from './identity/index.js';
import { photosRoutes } from './photos/index.js';

/**
 * Every product route, one module per operation under `routes/<area>/` (see the package README).
 * `/healthz`, `/readyz`, `/openapi.json` and `/docs` are added by the app itself; the memory family's
 * local storage endpoints (`routes/local`) are plain routers mounted by the composition root.
 */
export const apiRoutes: readonly Route[] = [...challengeRoutes, ...identityRoutes, ...photosRoutes];

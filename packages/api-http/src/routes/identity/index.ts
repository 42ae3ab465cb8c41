import type { Route } from '../../http/routing/define-route.js';

/** The identity routes. */
export const identityRoutes: readonly Route[] = [];

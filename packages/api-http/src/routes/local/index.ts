import type { Route } from '../../http/routing/define-route.js';

/** The local routes. */
export const localRoutes: readonly Route[] = [];

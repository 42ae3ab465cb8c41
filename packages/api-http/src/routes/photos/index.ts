import type { Route } from '../../http/routing/define-route.js';

/** The photos routes. */
export const photosRoutes: readonly Route[] = [];

import type { Route } from '../../http/routing/define-route.js';

/** The challenge routes. */
export const challengeRoutes: readonly Route[] = [];

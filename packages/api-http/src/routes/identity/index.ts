import type { Route } from '../../http/routing/define-route.js';
import { getCurrentUserRoute } from './get-current-user.route.js';
import { logInRoute } from './log-in.route.js';
import { logOutEverywhereRoute } from './log-out-everywhere.route.js';
import { logOutRoute } from './log-out.route.js';
import { refreshSessionRoute } from './refresh-session.route.js';
import { signUpRoute } from './sign-up.route.js';
import { whoAmIRoute } from './who-am-i.route.js';

export * from './session-tokens.schema.js';
export * from './user.schema.js';

/** The identity routes: password accounts and sessions. */
export const identityRoutes: readonly Route[] = [
  signUpRoute,
  getCurrentUserRoute,
  whoAmIRoute,
  logInRoute,
  refreshSessionRoute,
  logOutRoute,
  logOutEverywhereRoute,
];

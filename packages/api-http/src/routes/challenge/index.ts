import type { Route } from '../../http/routing/define-route.js';
import { completeGitHubLoginRoute } from './complete-github-login.route.js';
import { exchangeGitHubSignInCodeRoute } from './exchange-github-sign-in-code.route.js';
import { getLeaderboardPageRoute } from './get-leaderboard-page.route.js';
import { getLeaderboardPositionRoute } from './get-leaderboard-position.route.js';
import { getMyProfileRoute } from './get-my-profile.route.js';
import { getProfileRoute } from './get-profile.route.js';
import { listEntriesRoute } from './list-entries.route.js';
import { lookupUserRoute } from './lookup-user.route.js';
import { startGitHubLoginRoute } from './start-github-login.route.js';
import { submitEntryRoute } from './submit-entry.route.js';
import { updateProfileRoute } from './update-profile.route.js';

/** The challenge routes: GitHub sign-in, profiles, entries, the leaderboard and the legacy user lookup. */
export const challengeRoutes: readonly Route[] = [
  startGitHubLoginRoute,
  completeGitHubLoginRoute,
  exchangeGitHubSignInCodeRoute,
  getMyProfileRoute,
  getProfileRoute,
  updateProfileRoute,
  submitEntryRoute,
  listEntriesRoute,
  getLeaderboardPageRoute,
  getLeaderboardPositionRoute,
  lookupUserRoute,
];

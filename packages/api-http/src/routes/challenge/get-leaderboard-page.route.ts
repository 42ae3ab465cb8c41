import { GetLeaderboardPage } from '@hdoc/domain';
import { z } from 'zod';
import { defineRoute } from '../../http/routing/define-route.js';
import { pageQuery, statusEnum } from './challenge-inputs.js';
import { LEADERBOARD_ROWS_EXAMPLE, LeaderboardRowSchema, toLeaderboardRowJson } from './leaderboard-json.js';
import { pageSchema, toPageJson } from './page-json.js';

const LeaderboardPageSchema = pageSchema(LeaderboardRowSchema, 'LeaderboardPage');

/** `GET /leaderboard?status=&limit=&cursor=`. */
export const getLeaderboardPageRoute = defineRoute({
  method: 'get',
  path: '/leaderboard',
  operationId: 'getLeaderboard',
  summary: 'Read the leaderboard, one page at a time',
  description:
    'Ordered by total score desc, then days completed desc, then GitHub username. Ranks are global ' +
    '(competition ranking) and stay global under a `status` filter. The cursor is a position: pages never ' +
    'repeat or skip a participant whose standing did not change meanwhile.',
  tags: ['challenge'],
  auth: 'none',
  request: { query: z.object({ status: statusEnum.optional(), ...pageQuery }) },
  responses: { 200: LeaderboardPageSchema },
  examples: { 200: { items: LEADERBOARD_ROWS_EXAMPLE, next_cursor: 'eyJzIjozMDAsInUiOiJtb25hbGlzYSJ9' } },
}).handle(async ({ query, resolve }) => {
  const page = await resolve(GetLeaderboardPage).execute({
    status: query.status ?? null,
    cursor: query.cursor ?? null,
    ...(query.limit === undefined ? {} : { limit: query.limit }),
  });
  return { status: 200, body: toPageJson(page, toLeaderboardRowJson) };
});

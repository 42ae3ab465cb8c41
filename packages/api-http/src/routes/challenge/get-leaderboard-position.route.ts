import { GetLeaderboardPosition } from '@hdoc/domain';
import { z } from 'zod';
import { defineRoute } from '../../http/routing/define-route.js';
import { GithubUsernameParams, integerText } from './challenge-inputs.js';
import { LEADERBOARD_ROWS_EXAMPLE, LeaderboardRowSchema, toLeaderboardRowJson } from './leaderboard-json.js';

const LeaderboardPositionSchema = z
  .strictObject({
    row: LeaderboardRowSchema,
    above: z.array(LeaderboardRowSchema).meta({ description: 'Rows just above, in leaderboard order (the last is the closest)' }),
    below: z.array(LeaderboardRowSchema).meta({ description: 'Rows just below, in leaderboard order (the first is the closest)' }),
  })
  .meta({ id: 'LeaderboardPosition' });

/** `GET /leaderboard/{github_username}?neighbours=`: where a participant stands, without paging from the top. */
export const getLeaderboardPositionRoute = defineRoute({
  method: 'get',
  path: '/leaderboard/{github_username}',
  operationId: 'getLeaderboardPosition',
  summary: "A participant's rank and neighbours",
  tags: ['challenge'],
  auth: 'none',
  request: {
    params: GithubUsernameParams,
    query: z.object({ neighbours: integerText(0, 10).optional().meta({ description: 'Rows on each side, 0..10 (default 3)' }) }),
  },
  responses: { 200: LeaderboardPositionSchema },
  examples: { 200: { row: LEADERBOARD_ROWS_EXAMPLE[1], above: [LEADERBOARD_ROWS_EXAMPLE[0]], below: [LEADERBOARD_ROWS_EXAMPLE[2]] } },
  errors: [404],
}).handle(async ({ params, query, resolve }) => {
  const position = await resolve(GetLeaderboardPosition).execute({
    githubUsername: params.github_username,
    ...(query.neighbours === undefined ? {} : { neighbours: query.neighbours }),
  });
  return {
    status: 200,
    body: {
      row: toLeaderboardRowJson(position.row),
      above: position.above.map(toLeaderboardRowJson),
      below: position.below.map(toLeaderboardRowJson),
    },
  };
});

import { describeLeaderboardContract } from '@hdoc/contract-tests';
import { RedisLeaderboard } from '../../src/index.js';
import { isolatedPrefix, useSharedRedis } from './redis-test-support.js';

const redis = useSharedRedis();

describeLeaderboardContract(
  'RedisLeaderboard',
  async () => {
    const { keyPrefix, cleanup } = isolatedPrefix(redis());
    return { leaderboard: new RedisLeaderboard(redis(), { keyPrefix }), cleanup };
  },
  // Every property run is a fresh board of round trips to a real server.
  { propertyRuns: 25 },
);

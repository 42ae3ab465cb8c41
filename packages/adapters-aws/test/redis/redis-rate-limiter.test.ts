import { describeRateLimiterContract } from '@hdoc/contract-tests';
import { RedisRateLimiter } from '../../src/index.js';
import { isolatedPrefix, TestClock, useSharedRedis } from './redis-test-support.js';

const redis = useSharedRedis();

describeRateLimiterContract('RedisRateLimiter', async () => {
  const clock = new TestClock();
  const { keyPrefix, cleanup } = isolatedPrefix(redis());
  return { limiter: new RedisRateLimiter(redis(), clock, { keyPrefix }), clock, cleanup };
});

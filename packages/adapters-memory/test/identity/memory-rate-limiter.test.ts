import { describeRateLimiterContract } from '@hdoc/contract-tests';
import { ManualClock, MemoryRateLimiter } from '../../src/index.js';

describeRateLimiterContract('MemoryRateLimiter', async () => {
  const clock = new ManualClock();
  return { limiter: new MemoryRateLimiter(clock), clock };
});

import { describeSignInCodeStoreContract } from '@hdoc/contract-tests';
import { RedisSignInCodeStore } from '../../src/index.js';
import { isolatedPrefix, TestClock, useSharedRedis } from './redis-test-support.js';

const redis = useSharedRedis();

describeSignInCodeStoreContract('RedisSignInCodeStore', async () => {
  const clock = new TestClock();
  const { keyPrefix, cleanup } = isolatedPrefix(redis());
  return { store: new RedisSignInCodeStore(redis(), clock, { keyPrefix }), clock, cleanup };
});

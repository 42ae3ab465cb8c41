import { describeOAuthStateStoreContract } from '@hdoc/contract-tests';
import { RedisOAuthStateStore } from '../../src/index.js';
import { isolatedPrefix, TestClock, useSharedRedis } from './redis-test-support.js';

const redis = useSharedRedis();

describeOAuthStateStoreContract('RedisOAuthStateStore', async () => {
  const clock = new TestClock();
  const { keyPrefix, cleanup } = isolatedPrefix(redis());
  return { store: new RedisOAuthStateStore(redis(), clock, { keyPrefix }), clock, cleanup };
});

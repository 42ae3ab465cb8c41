import { describeSessionStoreContract } from '@hdoc/contract-tests';
import { RedisSessionStore } from '../../src/index.js';
import { isolatedPrefix, TestClock, useSharedRedis } from './redis-test-support.js';

const redis = useSharedRedis();

describeSessionStoreContract('RedisSessionStore', async () => {
  const clock = new TestClock();
  const { keyPrefix, cleanup } = isolatedPrefix(redis());
  return { store: new RedisSessionStore(redis(), clock, { keyPrefix }), clock, cleanup };
});

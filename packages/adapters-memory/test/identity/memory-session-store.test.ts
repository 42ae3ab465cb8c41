import { describeSessionStoreContract } from '@hdoc/contract-tests';
import { ManualClock, MemorySessionStore } from '../../src/index.js';

describeSessionStoreContract('MemorySessionStore', async () => {
  const clock = new ManualClock();
  return { store: new MemorySessionStore(clock), clock };
});

import { describeOAuthStateStoreContract } from '@hdoc/contract-tests';
import { ManualClock, MemoryOAuthStateStore } from '../../src/index.js';

describeOAuthStateStoreContract('MemoryOAuthStateStore', async () => {
  const clock = new ManualClock();
  return { store: new MemoryOAuthStateStore(clock), clock };
});

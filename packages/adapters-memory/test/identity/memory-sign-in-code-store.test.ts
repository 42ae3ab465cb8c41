import { describeSignInCodeStoreContract } from '@hdoc/contract-tests';
import { ManualClock, MemorySignInCodeStore } from '../../src/index.js';

describeSignInCodeStoreContract('MemorySignInCodeStore', async () => {
  const clock = new ManualClock();
  return { store: new MemorySignInCodeStore(clock), clock };
});

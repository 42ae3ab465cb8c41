import { describeEntryVerifierContract } from '@hdoc/contract-tests';
import { ShapeCheckingEntryVerifier } from '../../src/index.js';

describeEntryVerifierContract('ShapeCheckingEntryVerifier', async () => ({
  verifier: new ShapeCheckingEntryVerifier(),
  publish: () => undefined,
  checksTheWorld: false,
}));

import { describeEntryVerifierContract } from '@hdoc/contract-tests';
import { verifierWithFakes } from './verifier-fakes.js';

describeEntryVerifierContract('HttpEntryVerifier on fake GitHub and X servers', async () => {
  const { verifier, publish, cleanup } = await verifierWithFakes();
  return { verifier, publish, cleanup, checksTheWorld: true };
});

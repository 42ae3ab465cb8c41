import { describeProfileRepositoryContract } from '@hdoc/contract-tests';
import { MemoryProfileRepository } from '../../src/index.js';

describeProfileRepositoryContract('MemoryProfileRepository', async () => ({ repository: new MemoryProfileRepository() }));

import { describeEntryRepositoryContract } from '@hdoc/contract-tests';
import { MemoryEntryRepository } from '../../src/index.js';

describeEntryRepositoryContract('MemoryEntryRepository', async () => ({ repository: new MemoryEntryRepository() }));

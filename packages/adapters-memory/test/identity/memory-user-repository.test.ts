import { describeUserRepositoryContract } from '@hdoc/contract-tests';
import { MemoryUserRepository } from '../../src/index.js';

describeUserRepositoryContract('MemoryUserRepository', async () => ({ repository: new MemoryUserRepository() }));

import { describeUserRepositoryContract } from '@hdoc/contract-tests';
import { afterAll, beforeAll } from 'vitest';
import { PostgresUserRepository } from '../../src/index.js';
import { createTestSchema, type TestSchema } from './test-schema.js';

let schema: TestSchema;
beforeAll(async () => {
  schema = await createTestSchema();
});
afterAll(async () => {
  await schema?.drop();
});

// The production pool settings (two connections); every subject starts from an empty table.
describeUserRepositoryContract('PostgresUserRepository', async () => {
  await schema.pool.query('TRUNCATE users');
  return { repository: new PostgresUserRepository(schema.pool) };
});

import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { createPostgresPool, migratePostgres } from '../../src/index.js';

/** The machine's shared PostgreSQL (trust auth, database `test`); TEST_DATABASE_URL points elsewhere. */
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema of its own for one test file, migrated, with a pool whose search_path is that schema. */
export interface TestSchema {
  readonly name: string;
  readonly pool: pg.Pool;
  /** Drops the schema with everything in it and closes the pool. */
  readonly drop: () => Promise<void>;
}

/** A fresh schema name, so test files running in parallel never see each other's rows. */
export function randomSchemaName(): string {
  return `test_${randomBytes(6).toString('hex')}`;
}

/** Creates and migrates a random schema; fails with one line naming PostgreSQL when it is not answering. */
export async function createTestSchema(overrides?: pg.PoolConfig): Promise<TestSchema> {
  const name = randomSchemaName();
  const pool = createPostgresPool({ connectionString: TEST_DATABASE_URL, schema: name, ...(overrides && { overrides }) });
  try {
    await migratePostgres({ pool, schema: name });
  } catch (error) {
    await pool.end();
    if (isUnreachable(error)) {
      throw new Error('PostgreSQL is not answering on 127.0.0.1:5432 (database test): run scripts/ensure-services.sh');
    }
    throw error;
  }
  return {
    name,
    pool,
    drop: async () => {
      try {
        await pool.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      } finally {
        await pool.end();
      }
    },
  };
}

function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ECONNREFUSED' || (error instanceof Error && /timeout/.test(error.message));
}

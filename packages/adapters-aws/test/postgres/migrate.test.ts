import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createPostgresPool, migratePostgres } from '../../src/index.js';
import { randomSchemaName, TEST_DATABASE_URL } from './test-schema.js';

describe('migratePostgres', () => {
  const admin = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  const schemas: string[] = [];
  afterEach(async () => {
    for (const name of schemas.splice(0)) await admin.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  });
  afterAll(async () => {
    await admin.end();
  });
  const fresh = () => {
    const name = randomSchemaName();
    schemas.push(name);
    return name;
  };

  it('creates the schema, the users table and its case-insensitive unique index, then has nothing left to do', async () => {
    const schema = fresh();
    expect(await migratePostgres({ connectionString: TEST_DATABASE_URL, schema })).toEqual(['1764460000000_create-users']);
    expect(await migratePostgres({ connectionString: TEST_DATABASE_URL, schema })).toEqual([]);
    const { rows } = await admin.query('SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname = $2', [
      schema,
      'users_username_lower_key',
    ]);
    expect(rows[0]?.indexdef).toMatch(/CREATE UNIQUE INDEX .* USING btree \(lower\(username\)\)/);
  });

  it('lets concurrent runs on one schema apply each migration once', async () => {
    const schema = fresh();
    const pool = createPostgresPool({ connectionString: TEST_DATABASE_URL, overrides: { max: 3 } });
    try {
      const runs = await Promise.all([1, 2, 3].map(() => migratePostgres({ pool, schema })));
      expect(runs.flat()).toEqual(['1764460000000_create-users']);
    } finally {
      await pool.end();
    }
  });

  it('leaves the pool it borrowed a connection from on its own search_path', async () => {
    const schema = fresh();
    const pool = createPostgresPool({ connectionString: TEST_DATABASE_URL, overrides: { max: 1 } });
    try {
      await migratePostgres({ pool, schema });
      const { rows } = await pool.query('SHOW search_path');
      expect(rows[0].search_path).not.toContain(schema);
    } finally {
      await pool.end();
    }
  });

  it('refuses a schema name that would need quoting, as does the pool', async () => {
    await expect(migratePostgres({ connectionString: TEST_DATABASE_URL, schema: 'a"; DROP' })).rejects.toThrow(/schema name/);
    expect(() => createPostgresPool({ schema: 'a,public -c x=1' })).toThrow(/schema name/);
  });
});

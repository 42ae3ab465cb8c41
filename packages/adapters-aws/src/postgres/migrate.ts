import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import type pg from 'pg';
import { createPostgresPool } from './postgres-pool.js';
import { assertSchemaName } from './schema-name.js';

/** The versioned migrations of this package (from src/postgres and dist/postgres alike). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

export type MigratePostgresOptions = (
  | { readonly connectionString: string; readonly pool?: never }
  | { readonly pool: pg.Pool; readonly connectionString?: never }
) & {
  /** The schema the tables and the `pgmigrations` bookkeeping table live in; created if missing. */
  readonly schema: string;
  /** Where node-pg-migrate's progress lines go; silent when absent. */
  readonly log?: (message: string) => void;
};

/**
 * Applies every pending migration of {@link MIGRATIONS_DIR} to `schema`, in one transaction, and answers
 * the names it ran (none when the schema is current). Runs of several processes are serialised by
 * node-pg-migrate's advisory lock: later ones wait, then find nothing left to do.
 */
export async function migratePostgres(options: MigratePostgresOptions): Promise<string[]> {
  const { schema, log = () => {} } = options;
  // node-pg-migrate puts the name between double quotes as it is.
  assertSchemaName(schema);
  const settings = {
    dir: MIGRATIONS_DIR,
    migrationsTable: 'pgmigrations',
    schema,
    createSchema: true,
    direction: 'up',
    singleTransaction: true,
    advisoryLockMode: 'wait',
    checkOrder: true,
    logger: { debug: log, info: log, warn: log, error: log },
  } as const;
  if (options.pool === undefined) {
    const ran = await runner({ ...settings, databaseUrl: options.connectionString });
    return ran.map((migration) => migration.name);
  }
  const client = await options.pool.connect();
  try {
    const ran = await runner({ ...settings, dbClient: client });
    return ran.map((migration) => migration.name);
  } finally {
    // The runner set this connection's search_path to `schema`: destroy it rather than hand it back.
    client.release(true);
  }
}

/**
 * Migrates `schema` over a one-connection pool of its own (DATABASE_URL-style `connectionString`, else
 * pg's `PG*` variables), without the request timeouts (a migration may take longer than a request;
 * a dead database still fails fast), and ends the pool. `npm run migrate` and the local AWS run use it.
 */
export async function migrateDatabase(options: {
  readonly connectionString: string | undefined;
  readonly schema: string;
  readonly log?: (message: string) => void;
}): Promise<string[]> {
  const { connectionString } = options;
  const pool = createPostgresPool({
    ...(connectionString === undefined ? {} : { connectionString }),
    overrides: { max: 1, statement_timeout: 0, query_timeout: 0 },
  });
  try {
    return await migratePostgres({ pool, schema: options.schema, ...(options.log ? { log: options.log } : {}) });
  } finally {
    await pool.end();
  }
}

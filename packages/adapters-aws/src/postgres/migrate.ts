import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import type pg from 'pg';

/** The versioned migrations of this package (from src/postgres and dist/postgres alike). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

/** A name node-pg-migrate quotes as is, so it must need no escaping. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

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
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`invalid PostgreSQL schema name ${JSON.stringify(schema)}: use [a-z_][a-z0-9_]*`);
  }
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

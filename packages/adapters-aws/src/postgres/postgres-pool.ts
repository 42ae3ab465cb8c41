import pg from 'pg';
import { assertSchemaName } from './schema-name.js';

/** Where and how to connect; anything left out comes from pg's own `PG*` environment variables. */
export interface PostgresPoolOptions {
  /** `postgres://user:password@host:port/database`; when absent pg reads PGHOST, PGUSER, PGDATABASE... */
  readonly connectionString?: string;
  /** The schema unqualified table names resolve to (sent as `search_path` when each connection opens). */
  readonly schema?: string;
  /** Overrides of the Lambda-fit defaults below (tests that need more parallel connections, for example). */
  readonly overrides?: pg.PoolConfig;
}

/**
 * Pool settings fit for Lambda; the README's PostgreSQL section explains each. One instance serves one
 * request at a time, so a couple of connections suffice and the database's connection limit is shared by
 * many instances; a dead database must fail a request in about a second, not hang until Lambda's timeout.
 */
export const LAMBDA_POOL_SETTINGS = {
  max: 2,
  idleTimeoutMillis: 30_000,
  connectionTimeoutMillis: 800,
  statement_timeout: 2_000,
  query_timeout: 3_000,
  keepAlive: true,
  allowExitOnIdle: true,
} as const satisfies pg.PoolConfig;

/**
 * A `pg` pool with {@link LAMBDA_POOL_SETTINGS}. Errors of idle connections (the database restarted, a
 * frozen Lambda's socket was closed) are swallowed here: pg then drops that connection and the next query
 * opens a new one, whereas an unhandled `error` event would crash the process.
 */
export function createPostgresPool(options: PostgresPoolOptions = {}): pg.Pool {
  const { connectionString, schema, overrides } = options;
  if (schema !== undefined) assertSchemaName(schema);
  const pool = new pg.Pool({
    ...LAMBDA_POOL_SETTINGS,
    ...(connectionString === undefined ? {} : { connectionString }),
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
    ...overrides,
  });
  pool.on('error', () => {});
  return pool;
}

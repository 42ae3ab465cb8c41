/**
 * `npm run migrate`: brings the PostgreSQL schema up to date. Connects with DATABASE_URL, or else with
 * pg's PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE; POSTGRES_SCHEMA names the schema (default `public`).
 * Prints migration names only, never the connection settings (they may hold a password).
 */
import { migratePostgres } from './migrate.js';
import { createPostgresPool } from './postgres-pool.js';

const schema = process.env['POSTGRES_SCHEMA'] ?? 'public';
const connectionString = process.env['DATABASE_URL'];
// Migrations may take longer than a request's statement timeout, and a dead database should still fail fast.
const pool = createPostgresPool({
  ...(connectionString === undefined ? {} : { connectionString }),
  overrides: { max: 1, statement_timeout: 0, query_timeout: 0 },
});
try {
  const ran = await migratePostgres({ pool, schema, log: (message) => console.log(message) });
  console.log(ran.length === 0 ? `schema ${schema} is up to date` : `applied to ${schema}: ${ran.join(', ')}`);
} catch (error) {
  console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await pool.end();
}

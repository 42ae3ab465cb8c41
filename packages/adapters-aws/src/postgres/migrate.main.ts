/**
 * `npm run migrate`: brings the PostgreSQL schema up to date. Connects with DATABASE_URL, or else with
 * pg's PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE; POSTGRES_SCHEMA names the schema (default `public`).
 * Prints migration names only, never the connection settings (they may hold a password).
 */
import { migrateDatabase } from './migrate.js';

const schema = process.env['POSTGRES_SCHEMA'] ?? 'public';
try {
  const ran = await migrateDatabase({ connectionString: process.env['DATABASE_URL'], schema, log: (message) => console.log(message) });
  console.log(ran.length === 0 ? `schema ${schema} is up to date` : `applied to ${schema}: ${ran.join(', ')}`);
} catch (error) {
  console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

export { PostgresUserRepository } from './postgres-user-repository.js';
export { createPostgresPool, LAMBDA_POOL_SETTINGS, type PostgresPoolOptions } from './postgres-pool.js';
export { migrateDatabase, migratePostgres, MIGRATIONS_DIR, type MigratePostgresOptions } from './migrate.js';

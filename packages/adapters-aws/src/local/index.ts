export * from './dynamodb-local.js';
export * from './moto-server.js';
export * from './local-stack.js';
export { migrateDatabase } from '../postgres/migrate.js';

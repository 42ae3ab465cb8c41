export * from './config/index.js';
export * from './postgres/index.js';
export * from './redis/index.js';
export * from './dynamodb/index.js';

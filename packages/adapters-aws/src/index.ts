export * from './config/index.js';
export * from './postgres/index.js';
export * from './redis/index.js';
export * from './assembly/index.js';
export * from './s3/index.js';
export * from './sqs/index.js';
export * from './dynamodb/index.js';
export * from './local/index.js';

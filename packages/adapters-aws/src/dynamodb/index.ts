export * from './tables.js';
export * from './local/dynamodb-local.js';
export * from './photos/dynamodb-photo-catalog.js';
export * from './leaderboard/dynamodb-leaderboard.js';

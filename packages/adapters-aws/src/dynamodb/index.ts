export * from './tables.js';
export * from './photos/dynamodb-photo-catalog.js';
export * from './challenge/dynamodb-profile-repository.js';
export * from './challenge/dynamodb-entry-repository.js';
export * from './challenge/dynamodb-participant-progress-store.js';
export * from './leaderboard/dynamodb-leaderboard.js';

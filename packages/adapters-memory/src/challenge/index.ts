export * from './profile/memory-profile-repository.js';
export * from './entry/memory-entry-repository.js';
export * from './verification/memory-entry-verifier.js';
export * from './verification/shape-checking-entry-verifier.js';
export * from './verification/memory-verification-queue.js';
export * from './leaderboard/index.js';
export * from './progress/memory-participant-progress-store.js';

export * from './profile-repository.contract.js';
export * from './entry-repository.contract.js';
export * from './verification-queue.contract.js';
export * from './entry-verifier.contract.js';
export * from './leaderboard.contract.js';
export * from './participant-progress-store.contract.js';
export { aProfile, anEntry } from './challenge-fixtures.js';

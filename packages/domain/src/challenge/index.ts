export * from './profile/profile-status.js';
export * from './leaderboard/index.js';

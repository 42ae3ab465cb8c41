export * from './profile/profile-status.js';
export * from './leaderboard/leaderboard.port.js';

export * from './leaderboard.port.js';

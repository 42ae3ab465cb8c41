export * from './leaderboard/index.js';

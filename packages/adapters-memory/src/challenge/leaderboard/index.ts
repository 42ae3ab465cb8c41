export * from './memory-leaderboard.js';

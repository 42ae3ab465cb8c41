export * from './leaderboard.port.js';
export * from './leaderboard-order.js';
export * from './leaderboard-cursor.js';
export * from './get-leaderboard-page.use-case.js';
export * from './get-leaderboard-position.use-case.js';

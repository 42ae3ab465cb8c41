export * from './redis-client.js';
export * from './redis-rate-limiter.js';
export * from './redis-oauth-state-store.js';
export * from './redis-session-store.js';
export * from './redis-sign-in-code-store.js';
export * from './redis-leaderboard.js';

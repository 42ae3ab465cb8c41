export * from './memory-user-repository.js';
export * from './memory-session-store.js';
export * from './memory-rate-limiter.js';
export * from './memory-oauth-state-store.js';
export * from './fake-github-oauth.js';
export * from './memory-sign-in-code-store.js';

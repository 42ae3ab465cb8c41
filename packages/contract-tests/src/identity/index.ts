export * from './user-repository.contract.js';
export * from './session-store.contract.js';
export * from './rate-limiter.contract.js';
export * from './oauth-state-store.contract.js';
export * from './github-oauth.contract.js';
export * from './sign-in-code-store.contract.js';

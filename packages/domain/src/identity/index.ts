export * from './users/index.js';
export * from './secrets/index.js';
export * from './rate-limit/index.js';
export * from './sessions/index.js';
export * from './login/index.js';
export * from './github/index.js';

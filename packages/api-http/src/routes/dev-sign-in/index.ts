export * from './development-github.js';
export * from './dev-sign-in.router.js';

export * from './github-oauth.port.js';
export * from './oauth-state-store.port.js';
export * from './start-github-login.use-case.js';
export * from './complete-github-login.use-case.js';
export * from './sign-in-code-store.port.js';
export * from './exchange-sign-in-code.use-case.js';

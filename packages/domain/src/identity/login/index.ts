export * from './login-throttle.js';
export * from './log-in.use-case.js';

export * from './session.js';
export * from './session-store.port.js';
export * from './token-service.port.js';
export * from './session-issuer.js';
export * from './refresh-session.use-case.js';
export * from './authenticate.use-case.js';
export * from './log-out.use-case.js';
export * from './log-out-everywhere.use-case.js';

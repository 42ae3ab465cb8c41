export * from './token.js';
export * from './errors.js';
export * from './clock.port.js';
export * from './id-generator.port.js';
export * from './page.js';
export * from './principal.js';
export * from './stale-write.error.js';
export * from './optimistic-retry.js';

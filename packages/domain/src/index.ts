export * from './shared/index.js';
export * from './challenge/index.js';
export * from './identity/index.js';
export * from './photos/index.js';
export * from './wiring/index.js';

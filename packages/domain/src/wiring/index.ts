export * from './wire.js';
export * from './use-cases.js';

export * from './config/index.js';
export * from './postgres/index.js';

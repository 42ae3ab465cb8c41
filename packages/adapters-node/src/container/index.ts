export * from './node-adapters.module.js';

export * from './memory-adapters.module.js';

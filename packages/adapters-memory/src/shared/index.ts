export * from './manual-clock.js';
export * from './system-clock.js';
export * from './sequential-id-generator.js';
export * from './memory-queue.js';

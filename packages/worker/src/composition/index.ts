export * from './worker-config.js';
export * from './worker-logger.js';
export * from './adapter-modules.js';
export * from './application.module.js';
export * from './worker-container.js';
export * from './resolver.js';

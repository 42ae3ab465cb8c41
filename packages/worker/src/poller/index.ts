export * from './queue-source.js';
export * from './queue-poller.js';

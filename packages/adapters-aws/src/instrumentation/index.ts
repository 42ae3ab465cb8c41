export * from './store-instrumentation.js';
export * from './call-counter.js';

export * from './rate-limiter.port.js';
export * from './action-throttle.js';

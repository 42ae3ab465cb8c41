export * from './rate-limiter.port.js';

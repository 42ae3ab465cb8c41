export * from './secret-generator.port.js';

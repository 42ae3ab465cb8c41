export * from './aws-identity-stores.js';

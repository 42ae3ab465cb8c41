export * from './opened-stores.js';
export * from './aws-identity-stores.js';
export * from './aws-photo-stores.js';
export * from './aws-challenge-stores.js';

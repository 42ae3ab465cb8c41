export * from './password/argon2-password-hasher.js';
export * from './tokens/token-keys.js';
export * from './tokens/jose-token-service.js';
export * from './secrets/node-crypto-secret-generator.js';
export * from './ids/uuid-v7-id-generator.js';
export * from './github/http-github-oauth.js';
export * from './image/index.js';
export * from './container/index.js';

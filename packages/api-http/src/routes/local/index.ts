export * from './local-storage.router.js';

export * from './fake-github-server.js';

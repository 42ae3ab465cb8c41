export * from './fake-x-oembed-server.js';

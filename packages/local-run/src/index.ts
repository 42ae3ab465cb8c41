export * from './compose-local-app.js';
export * from './graceful-shutdown.js';
export * from './demo/compose-demo-app.js';

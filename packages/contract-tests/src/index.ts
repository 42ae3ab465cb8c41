export * from './shared/contract-subject.js';
export * from './challenge/index.js';
export * from './identity/index.js';
export * from './photos/index.js';
export * from './github/index.js';
export * from './x/index.js';

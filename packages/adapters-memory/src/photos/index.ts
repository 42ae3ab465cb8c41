export * from './memory-photo-catalog.js';
export * from './memory-object-storage.js';
export * from './memory-storage-event-queue.js';
export * from './memory-upload-url-signer.js';
export * from './memory-view-url-signer.js';
export * from './upload-rejected-error.js';
export * from './local-base-url.js';

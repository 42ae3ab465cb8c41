export * from './verification-job.message.js';
export * from './verify-entry.consumer.js';
export * from './ingest-storage-event.consumer.js';

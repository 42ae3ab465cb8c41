export * from './sqs/sqs-consumer.js';
export * from './sqs/sqs-batch-handler.js';
export * from './sqs/malformed-message.error.js';

export * from './sqs/sqs-consumer.js';
export * from './sqs/sqs-batch-handler.js';
export * from './sqs/malformed-message.error.js';
export * from './consumers/index.js';
export * from './entrypoints/index.js';
export * from './poller/index.js';
export * from './lambda/worker-lambda.js';
export * from './in-process/in-process-worker.js';

export * from './sqs/sqs-consumer.js';
export * from './sqs/sqs-batch-handler.js';
export * from './sqs/malformed-message.error.js';
export * from './composition/index.js';
export * from './consumers/index.js';
export * from './poller/index.js';
export * from './lambda/worker-lambda.js';

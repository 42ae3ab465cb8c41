export { SqsVerificationQueue, type SqsVerificationQueueOptions } from './sqs-verification-queue.js';
export { SqsQueueSource, type SqsQueueSourceOptions } from './sqs-queue-source.js';
export { provisionQueue, allowBucketNotifications, type QueueSpec, type ProvisionedQueue } from './provision-queues.js';

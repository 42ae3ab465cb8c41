import type { S3EventNotification } from '@hdoc/domain';
import { MemoryQueue } from '../shared/memory-queue.js';

/**
 * The bucket-notification queue of the local run: memory storage sends S3-shaped notifications
 * here, and the in-process worker consumes them exactly as it consumes SQS messages in AWS.
 */
export class MemoryStorageEventQueue extends MemoryQueue<S3EventNotification> {}

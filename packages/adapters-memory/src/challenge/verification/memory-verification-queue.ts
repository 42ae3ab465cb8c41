import { enqueueDelaySeconds, type EnqueueOptions, type VerificationJob, type VerificationQueue } from '@hdoc/domain';
import { MemoryQueue, type DeadLetter, type QueueHandler } from '../../shared/memory-queue.js';

/**
 * VerificationQueue on the shared in-process MemoryQueue: at-least-once delivery to one subscriber (the
 * in-process worker running VerifyEntry), redelivery when the handler throws, dead letters after
 * `maxAttempts`, delays as timers. Tests await `drained()` instead of sleeping.
 */
export class MemoryVerificationQueue implements VerificationQueue {
  private readonly queue: MemoryQueue<VerificationJob>;

  constructor(maxAttempts?: number) {
    this.queue = new MemoryQueue<VerificationJob>(maxAttempts);
  }

  async enqueue(job: VerificationJob, options?: EnqueueOptions): Promise<void> {
    this.queue.send({ ...job }, enqueueDelaySeconds(options) * 1000);
  }

  /** Attaches the consumer; jobs already waiting are delivered at once. */
  subscribe(handler: QueueHandler<VerificationJob>): void {
    this.queue.subscribe(handler);
  }

  /** Detaches the consumer; undelivered jobs stay queued. */
  unsubscribe(): void {
    this.queue.unsubscribe();
  }

  /** Resolves when no job is waiting or in flight (at once without a subscriber). */
  drained(): Promise<void> {
    return this.queue.drained();
  }

  /** Jobs not yet processed, oldest first. */
  pending(): readonly VerificationJob[] {
    return this.queue.peek();
  }

  /** Jobs enqueued with a delay that has not passed yet, oldest first. */
  delayed(): readonly VerificationJob[] {
    return this.queue.peekDelayed();
  }

  /** Jobs whose handler kept failing. */
  get deadLetters(): readonly DeadLetter<VerificationJob>[] {
    return this.queue.deadLetters;
  }
}

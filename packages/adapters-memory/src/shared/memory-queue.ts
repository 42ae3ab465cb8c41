/**
 * A consumer of queued messages; throwing means "not processed", so the message is delivered again.
 * `attempt` counts deliveries from 1, like SQS's ApproximateReceiveCount.
 */
export type QueueHandler<T> = (message: T, attempt: number) => Promise<void>;

/** A message that exhausted its deliveries, kept for inspection like an SQS dead-letter queue. */
export interface DeadLetter<T> {
  readonly message: T;
  readonly error: unknown;
  readonly attempts: number;
}

/**
 * An in-process, at-least-once queue: the in-memory stand-in for SQS behind every queue port. Messages
 * are delivered in order to one subscriber; a handler that throws gets the message again (up to
 * `maxAttempts`, then it moves to `deadLetters`), so nothing enqueued is silently lost. Tests and the
 * local run await `drained()` instead of sleeping.
 */
export class MemoryQueue<T> {
  private readonly pending: { message: T; attempts: number }[] = [];
  private handler: QueueHandler<T> | null = null;
  private pumping: Promise<void> | null = null;
  private readonly waiters: (() => void)[] = [];
  private readonly delayed = new Map<NodeJS.Timeout, T>();
  readonly deadLetters: DeadLetter<T>[] = [];

  constructor(private readonly maxAttempts = 5) {}

  /**
   * Adds a message; it is delivered once a subscriber is attached and, with `delayMs`, once that much
   * time has passed (like SQS's DelaySeconds: invisible until then). The delay's timer does not keep
   * the process alive; a message still delayed at exit is lost, as everything in this queue is.
   */
  send(message: T, delayMs = 0): void {
    if (delayMs <= 0) {
      this.pending.push({ message, attempts: 0 });
      this.pump();
      return;
    }
    const timer = setTimeout(() => {
      this.delayed.delete(timer);
      this.send(message);
    }, delayMs);
    timer.unref();
    this.delayed.set(timer, message);
  }

  /** Messages not yet processed (in flight or waiting), oldest first; delayed ones are not among them. */
  peek(): readonly T[] {
    return this.pending.map((entry) => entry.message);
  }

  /** Messages still waiting for their delay, in the order they were sent. */
  peekDelayed(): readonly T[] {
    return [...this.delayed.values()];
  }

  /** Attaches the single consumer; messages already waiting are delivered at once. */
  subscribe(handler: QueueHandler<T>): void {
    this.handler = handler;
    this.pump();
  }

  /** Detaches the consumer; undelivered messages stay queued. */
  unsubscribe(): void {
    this.handler = null;
  }

  /**
   * Resolves when no message is waiting or in flight (immediately if there is no subscriber to wait
   * for); delayed messages are not waited for.
   */
  drained(): Promise<void> {
    if (this.pending.length === 0 || this.handler === null) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private pump(): void {
    if (this.pumping || this.handler === null) return;
    this.pumping = this.deliverAll().finally(() => {
      this.pumping = null;
      if (this.pending.length > 0 && this.handler !== null) this.pump();
      else this.waiters.splice(0).forEach((resolve) => resolve());
    });
  }

  private async deliverAll(): Promise<void> {
    for (let head = this.pending[0]; head !== undefined && this.handler !== null; head = this.pending[0]) {
      head.attempts += 1;
      try {
        await this.handler(head.message, head.attempts);
        this.pending.shift();
      } catch (error) {
        if (head.attempts >= this.maxAttempts) {
          this.pending.shift();
          this.deadLetters.push({ message: head.message, error, attempts: head.attempts });
        }
      }
    }
  }
}

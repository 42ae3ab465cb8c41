import { ConcurrentUpdateError } from './errors.js';

/**
 * A conditional write lost a race: the stored version (or revision) is not the one the writer read.
 * Repositories throw it; use cases re-read and retry through `withOptimisticRetry`, which turns the
 * last lost race into a `ConcurrentUpdateError`. It extends that error so that one escaping by mistake
 * still maps to 409, never to 500.
 */
export class StaleWriteError extends ConcurrentUpdateError {
  constructor(what: string) {
    super(what);
    this.message = `${what} was changed concurrently`;
    this.name = 'StaleWriteError';
  }
}

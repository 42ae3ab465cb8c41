import { ConcurrentUpdateError } from './errors.js';
import { StaleWriteError } from './stale-write.error.js';

/** How many times a read-modify-write runs before a concurrent writer is allowed to win. */
export const MAX_WRITE_ATTEMPTS = 10;

/**
 * Runs a read-modify-write that ends in a conditional save, again from a fresh read whenever a
 * concurrent writer won (the save threw `StaleWriteError`). After `attempts` lost races it throws a
 * `ConcurrentUpdateError` naming `what`, so a queue redelivers or the client retries. Every use case
 * that retries on a version conflict goes through here.
 */
export async function withOptimisticRetry<T>(what: string, attempt: () => Promise<T>, attempts = MAX_WRITE_ATTEMPTS): Promise<T> {
  for (let round = 1; round <= attempts; round += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof StaleWriteError)) throw error;
    }
  }
  throw new ConcurrentUpdateError(what);
}

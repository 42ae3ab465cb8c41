import { ConflictError } from '../../shared/errors.js';

/**
 * Runs a read-modify-write that ends in a versioned save, again from a fresh read whenever a
 * concurrent writer won (ConflictError). After `attempts` lost races the conflict propagates, so a
 * queue redelivers or the client retries.
 */
export async function withOptimisticRetry<T>(attempt: () => Promise<T>, attempts = 5): Promise<T> {
  for (let round = 1; ; round += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConflictError) || round >= attempts) throw error;
    }
  }
}

import { ConflictError } from '../../shared/errors.js';

/**
 * A conditional write lost a race: the stored version (profile) or revision (entry) is not the one the
 * writer read. Repositories throw it; use cases catch it, re-read and retry, and only after the bounded
 * retries does a plain `ConflictError` reach the caller. It extends ConflictError so that one escaping
 * by mistake still maps to 409, never to 500.
 */
export class StaleWriteError extends ConflictError {
  constructor(what: string) {
    super(`${what} was changed concurrently`);
    this.name = 'StaleWriteError';
  }
}

/** How many times a use case re-reads and retries after a StaleWriteError before giving up. */
export const MAX_WRITE_ATTEMPTS = 10;

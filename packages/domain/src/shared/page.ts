import { ValidationError } from './errors.js';

/** One page of a list; `nextCursor` is opaque to clients and null on the last page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;

/** Applies the list rules every paged endpoint shares: default 20, integer 1..100. */
export function resolvePageLimit(limit: number | undefined, field = 'limit'): number {
  if (limit === undefined) return DEFAULT_PAGE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new ValidationError(field, `must be an integer from 1 to ${MAX_PAGE_LIMIT}`);
  }
  return limit;
}

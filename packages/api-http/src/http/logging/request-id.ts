import { randomUUID } from 'node:crypto';

/** An incoming id is kept only if it is short and plain, so it cannot forge or bloat log lines. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request's id: the caller's `x-request-id` when it is sane (to correlate across services), else a new UUID. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
}

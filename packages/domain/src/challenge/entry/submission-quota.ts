import type { RateLimit } from '../../identity/rate-limit/rate-limiter.port.js';
import { RateLimitedError } from '../../shared/errors.js';

/** A participant's entry submissions in a fixed window that opened at their first submission in it. */
export interface SubmissionWindow {
  readonly startedAt: Date;
  readonly count: number;
}

/**
 * Counts one entry submission against the participant's quota: the window after this one, or
 * RateLimitedError (with the seconds until the window closes) when `limit.limit` submissions were
 * counted in it already. Kept with the profile and written with it, so the count is exact under
 * concurrent submissions and costs no call of its own.
 */
export function chargeSubmission(window: SubmissionWindow | null, now: Date, limit: RateLimit): SubmissionWindow {
  const windowMs = limit.windowSeconds * 1000;
  const closesAt = window === null ? null : window.startedAt.getTime() + windowMs;
  if (window === null || closesAt === null || now.getTime() >= closesAt) return { startedAt: now, count: 1 };
  if (window.count >= limit.limit) throw new RateLimitedError(Math.max(1, Math.ceil((closesAt - now.getTime()) / 1000)));
  return { startedAt: window.startedAt, count: window.count + 1 };
}

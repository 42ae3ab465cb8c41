/** Without a hint of how long to wait, a rate-limited verification comes back after this long. */
export const DEFAULT_RATE_LIMIT_WAIT_SECONDS = 60;

/** `Retry-After` in whole seconds, from delta-seconds or an HTTP date; null when absent or unreadable. */
function retryAfterSeconds(headers: Headers, now: Date): number | null {
  const value = headers.get('retry-after')?.trim();
  if (value === undefined || value === '') return null;
  if (/^[0-9]+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.ceil((at - now.getTime()) / 1000);
}

/** Seconds until `X-RateLimit-Reset` (epoch seconds, GitHub's header); null when absent or unreadable. */
function resetSeconds(headers: Headers, now: Date): number | null {
  const value = headers.get('x-ratelimit-reset')?.trim();
  if (value === undefined || !/^[0-9]+$/.test(value)) return null;
  return Math.ceil(Number(value) - now.getTime() / 1000);
}

/**
 * How long a service that answered `status` with `headers` asks us to wait, in whole seconds (at least
 * 1), or null when the answer is no rate limit. A 429 always is one; a 403 is one only with
 * `Retry-After` or `X-RateLimit-Remaining: 0` (GitHub's primary and secondary limits), since a 403 is
 * otherwise a plain refusal. The wait is `Retry-After`, else until `X-RateLimit-Reset`, else
 * {@link DEFAULT_RATE_LIMIT_WAIT_SECONDS}.
 */
export function rateLimitWaitSeconds(status: number, headers: Headers, now: Date): number | null {
  if (status !== 429 && status !== 403) return null;
  const retryAfter = retryAfterSeconds(headers, now);
  const spent = headers.get('x-ratelimit-remaining')?.trim() === '0';
  if (status === 403 && retryAfter === null && !spent) return null;
  const wait = retryAfter ?? resetSeconds(headers, now) ?? DEFAULT_RATE_LIMIT_WAIT_SECONDS;
  return Math.max(1, wait);
}

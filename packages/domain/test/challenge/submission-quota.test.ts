import { describe, expect, it } from 'vitest';
import { chargeSubmission, RateLimitedError } from '../../src/index.js';

const LIMIT = { limit: 3, windowSeconds: 3600 };
const T0 = new Date('2026-03-01T10:00:00.000Z');
const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

describe('chargeSubmission (the entry submission quota)', () => {
  it('opens a window at the first submission and counts up to the limit in it', () => {
    let window = chargeSubmission(null, T0, LIMIT);
    expect(window).toEqual({ startedAt: T0, count: 1 });
    window = chargeSubmission(window, at(10), LIMIT);
    window = chargeSubmission(window, at(20), LIMIT);
    expect(window).toEqual({ startedAt: T0, count: 3 });
  });

  it('refuses past the limit with the seconds until the window closes, and counts nothing', () => {
    const full = { startedAt: T0, count: 3 };
    const refusal = (() => {
      try {
        chargeSubmission(full, at(3599.5), LIMIT);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(RateLimitedError);
    expect((refusal as RateLimitedError).retryAfterSeconds).toBe(1);
    expect(() => chargeSubmission(full, at(100), LIMIT)).toThrow(expect.objectContaining({ retryAfterSeconds: 3500 }));
  });

  it('opens a new window once the old one has closed', () => {
    expect(chargeSubmission({ startedAt: T0, count: 3 }, at(3600), LIMIT)).toEqual({ startedAt: at(3600), count: 1 });
  });
});

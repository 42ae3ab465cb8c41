import type { RateLimit, RateLimiter } from '@hdoc/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withSubject, type AdjustableClock, type Disposable } from '../shared/contract-subject.js';

export interface RateLimiterSubject extends Disposable {
  readonly limiter: RateLimiter;
  /** The clock the limiter's windows are timed by. */
  readonly clock: AdjustableClock;
}

const FIVE_PER_MINUTE: RateLimit = { limit: 5, windowSeconds: 60 };

/** The RateLimiter port's documented behaviour (fixed windows opened by the first attempt), for every adapter. */
export function describeRateLimiterContract(
  adapterName: string,
  makeSubject: () => Promise<RateLimiterSubject>,
): void {
  const run = (body: (s: RateLimiterSubject) => Promise<void>) => () => withSubject(makeSubject, body);

  describe(`RateLimiter contract: ${adapterName}`, () => {
    it('allows `limit` attempts, counting down, then refuses with the seconds left', run(async ({ limiter, clock }) => {
      for (let remaining = 4; remaining >= 0; remaining -= 1) {
        expect(await limiter.consume('k', FIVE_PER_MINUTE)).toEqual({ allowed: true, remaining });
      }
      expect(await limiter.consume('k', FIVE_PER_MINUTE)).toEqual({ allowed: false, retryAfterSeconds: 60 });
      clock.advance(20_500);
      expect(await limiter.consume('k', FIVE_PER_MINUTE)).toEqual({ allowed: false, retryAfterSeconds: 40 });
      clock.advance(39_000);
      expect(await limiter.consume('k', FIVE_PER_MINUTE)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    }));

    it('releases when the window closes, and refused attempts do not extend it', run(async ({ limiter, clock }) => {
      for (let i = 0; i < 5; i += 1) await limiter.consume('k', FIVE_PER_MINUTE);
      clock.advance(59_999);
      expect((await limiter.consume('k', FIVE_PER_MINUTE)).allowed).toBe(false);
      clock.advance(1);
      expect(await limiter.consume('k', FIVE_PER_MINUTE)).toEqual({ allowed: true, remaining: 4 });
    }));

    it('counts keys independently', run(async ({ limiter }) => {
      for (let i = 0; i < 5; i += 1) await limiter.consume('a', FIVE_PER_MINUTE);
      expect((await limiter.consume('a', FIVE_PER_MINUTE)).allowed).toBe(false);
      expect(await limiter.consume('b', FIVE_PER_MINUTE)).toEqual({ allowed: true, remaining: 4 });
    }));

    it('forgets a key on reset', run(async ({ limiter }) => {
      for (let i = 0; i < 6; i += 1) await limiter.consume('k', FIVE_PER_MINUTE);
      await limiter.reset('k');
      await limiter.reset('never-used');
      expect(await limiter.consume('k', FIVE_PER_MINUTE)).toEqual({ allowed: true, remaining: 4 });
    }));

    it('allows exactly `limit` of many concurrent attempts', run(async ({ limiter }) => {
      const decisions = await Promise.all(Array.from({ length: 12 }, () => limiter.consume('k', FIVE_PER_MINUTE)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    }));

    it('consumeAll counts each key as consume would, each in its own window, answering in order', run(async ({ limiter, clock }) => {
      const twoPerMinute: RateLimit = { limit: 2, windowSeconds: 60 };
      const fivePerHalfMinute: RateLimit = { limit: 5, windowSeconds: 30 };
      const both = () => limiter.consumeAll([{ key: 'a', limit: twoPerMinute }, { key: 'b', limit: fivePerHalfMinute }]);
      expect(await both()).toEqual([{ allowed: true, remaining: 1 }, { allowed: true, remaining: 4 }]);
      expect(await both()).toEqual([{ allowed: true, remaining: 0 }, { allowed: true, remaining: 3 }]);
      // A refusal on one key still counts the other.
      expect(await both()).toEqual([{ allowed: false, retryAfterSeconds: 60 }, { allowed: true, remaining: 2 }]);
      expect(await limiter.consume('b', fivePerHalfMinute)).toEqual({ allowed: true, remaining: 1 });
      clock.advance(30_000);
      expect(await both()).toEqual([{ allowed: false, retryAfterSeconds: 30 }, { allowed: true, remaining: 4 }]);
      expect(await limiter.consumeAll([])).toEqual([]);
    }));

    it('consumeAll allows exactly `limit` per key of many concurrent calls', run(async ({ limiter }) => {
      const calls = await Promise.all(
        Array.from({ length: 12 }, () => limiter.consumeAll([{ key: 'a', limit: FIVE_PER_MINUTE }, { key: 'b', limit: FIVE_PER_MINUTE }])),
      );
      for (const index of [0, 1]) expect(calls.filter((decisions) => decisions[index]?.allowed)).toHaveLength(5);
    }));

    it('matches a fixed-window model under any sequence of attempts and pauses', async () => {
      const step = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40_000 }));
      await fc.assert(
        fc.asyncProperty(fc.array(step, { maxLength: 40, size: 'medium' }), async (pauses) =>
          withSubject(makeSubject, async ({ limiter, clock }) => {
            const limit: RateLimit = { limit: 3, windowSeconds: 30 };
            let now = 0;
            let window: { closesAt: number; count: number } | null = null;
            for (const pause of pauses) {
              clock.advance(pause);
              now += pause;
              if (window === null || now >= window.closesAt) window = { closesAt: now + 30_000, count: 0 };
              const expected =
                window.count < 3
                  ? { allowed: true, remaining: 3 - ++window.count }
                  : { allowed: false, retryAfterSeconds: Math.ceil((window.closesAt - now) / 1000) };
              expect(await limiter.consume('k', limit)).toEqual(expected);
            }
          }),
        ),
        { numRuns: 60 },
      );
    });
  });
}

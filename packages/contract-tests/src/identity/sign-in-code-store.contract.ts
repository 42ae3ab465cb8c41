import type { PendingSignIn, SignInCodeStore } from '@hdoc/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withSubject, type AdjustableClock, type Disposable } from '../shared/contract-subject.js';

export interface SignInCodeStoreSubject extends Disposable {
  readonly store: SignInCodeStore;
  /** The clock the store expires pending sign-ins by. */
  readonly clock: AdjustableClock;
}

const SIXTY_SECONDS = 60_000;

function pendingAt(clock: AdjustableClock, codeFingerprint: string, githubUsername = 'octo-cat'): PendingSignIn {
  return { codeFingerprint, githubUsername, profileCreated: true, expiresAt: new Date(clock.now().getTime() + SIXTY_SECONDS) };
}

/** The SignInCodeStore port's documented behaviour, for every adapter. */
export function describeSignInCodeStoreContract(adapterName: string, makeSubject: () => Promise<SignInCodeStoreSubject>): void {
  const run = (body: (s: SignInCodeStoreSubject) => Promise<void>) => () => withSubject(makeSubject, body);

  describe(`SignInCodeStore contract: ${adapterName}`, () => {
    it('gives a saved pending sign-in back once, every field intact', run(async ({ store, clock }) => {
      const pending = { ...pendingAt(clock, 'fp-1', 'Mona'), profileCreated: false };
      await store.save(pending);
      await store.save(pendingAt(clock, 'fp-2'));
      expect(await store.take('fp-1')).toEqual(pending);
      expect(await store.take('fp-1')).toBeNull();
      expect(await store.take('fp-2')).toEqual(pendingAt(clock, 'fp-2'));
    }));

    it('answers null for an unknown code', run(async ({ store, clock }) => {
      await store.save(pendingAt(clock, 'fp-1'));
      expect(await store.take('fp-0')).toBeNull();
      expect(await store.take('')).toBeNull();
    }));

    it('forgets a pending sign-in when the clock reaches its expiresAt', run(async ({ store, clock }) => {
      await store.save(pendingAt(clock, 'early'));
      await store.save(pendingAt(clock, 'late'));
      clock.advance(SIXTY_SECONDS - 1);
      expect(await store.take('early')).not.toBeNull();
      clock.advance(1);
      expect(await store.take('late')).toBeNull();
    }));

    it('hands a code to at most one of concurrent takes', run(async ({ store, clock }) => {
      await store.save(pendingAt(clock, 'fp-1'));
      const taken = await Promise.all(Array.from({ length: 6 }, () => store.take('fp-1')));
      expect(taken.filter((pending) => pending !== null)).toHaveLength(1);
    }));

    it('behaves like a set of single-use codes for any sequence of saves, takes and clock moves', run(async ({ store, clock }) => {
      let round = 0;
      const step = fc.oneof(
        fc.record({ op: fc.constant('save' as const), code: fc.integer({ min: 0, max: 3 }) }),
        fc.record({ op: fc.constant('take' as const), code: fc.integer({ min: 0, max: 3 }) }),
        fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 40_000 }) }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
          round += 1;
          // The model: code -> expiry instant of its live pending sign-in.
          const live = new Map<number, number>();
          const fingerprint = (code: number) => `round-${round}-code-${code}`;
          for (const s of steps) {
            const now = clock.now().getTime();
            if (s.op === 'save') {
              const pending = pendingAt(clock, fingerprint(s.code));
              await store.save(pending);
              live.set(s.code, pending.expiresAt.getTime());
            } else if (s.op === 'take') {
              const expiry = live.get(s.code);
              const expected = expiry !== undefined && expiry > now;
              expect((await store.take(fingerprint(s.code))) !== null).toBe(expected);
              live.delete(s.code);
            } else {
              clock.advance(s.ms);
            }
          }
        }),
        { numRuns: 40 },
      );
    }));
  });
}

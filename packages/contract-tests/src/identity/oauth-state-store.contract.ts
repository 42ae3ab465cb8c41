import type { OAuthLoginAttempt, OAuthStateStore } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { withSubject, type AdjustableClock, type Disposable } from '../shared/contract-subject.js';

export interface OAuthStateStoreSubject extends Disposable {
  readonly store: OAuthStateStore;
  /** The clock the store expires attempts by. */
  readonly clock: AdjustableClock;
}

const TEN_MINUTES = 600_000;

function attemptAt(clock: AdjustableClock, state: string, returnTo: string | null = null): OAuthLoginAttempt {
  return { state, codeVerifier: `verifier-of-${state}`, returnTo, expiresAt: new Date(clock.now().getTime() + TEN_MINUTES) };
}

/** The OAuthStateStore port's documented behaviour, for every adapter. */
export function describeOAuthStateStoreContract(
  adapterName: string,
  makeSubject: () => Promise<OAuthStateStoreSubject>,
): void {
  const run = (body: (s: OAuthStateStoreSubject) => Promise<void>) => () => withSubject(makeSubject, body);

  describe(`OAuthStateStore contract: ${adapterName}`, () => {
    it('gives a saved attempt back once', run(async ({ store, clock }) => {
      const attempt = attemptAt(clock, 'state-1');
      await store.save(attempt);
      await store.save(attemptAt(clock, 'state-2'));
      expect(await store.take('state-1')).toEqual(attempt);
      expect(await store.take('state-1')).toBeNull();
      expect(await store.take('state-2')).toEqual(attemptAt(clock, 'state-2'));
    }));

    it('keeps the return URL of an attempt, and its absence', run(async ({ store, clock }) => {
      const back = attemptAt(clock, 'with-return', 'https://app.example.test/signed-in?tab=2');
      await store.save(back);
      await store.save(attemptAt(clock, 'without-return'));
      expect(await store.take('with-return')).toEqual(back);
      expect((await store.take('without-return'))?.returnTo).toBeNull();
    }));

    it('answers null for an unknown state', run(async ({ store, clock }) => {
      await store.save(attemptAt(clock, 'state-1'));
      expect(await store.take('state-0')).toBeNull();
      expect(await store.take('')).toBeNull();
    }));

    it('forgets an attempt when the clock reaches its expiresAt', run(async ({ store, clock }) => {
      await store.save(attemptAt(clock, 'early'));
      await store.save(attemptAt(clock, 'late'));
      clock.advance(TEN_MINUTES - 1);
      expect(await store.take('early')).not.toBeNull();
      clock.advance(1);
      expect(await store.take('late')).toBeNull();
    }));

    it('hands an attempt to at most one of concurrent takes', run(async ({ store, clock }) => {
      await store.save(attemptAt(clock, 'state-1'));
      const taken = await Promise.all(Array.from({ length: 6 }, () => store.take('state-1')));
      expect(taken.filter((a) => a !== null)).toHaveLength(1);
    }));
  });
}

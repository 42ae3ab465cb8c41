import type { Session, SessionStore } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { withSubject, type AdjustableClock, type Disposable } from '../shared/contract-subject.js';
import { describeSessionStoreModel } from './session-store.model.js';

export interface SessionStoreSubject extends Disposable {
  readonly store: SessionStore;
  /** The clock the store expires sessions by. */
  readonly clock: AdjustableClock;
}

const HOUR = 3600_000;

function sessionAt(clock: AdjustableClock, id: string, subject = 'user-1', ttlMs = HOUR): Session {
  const now = clock.now();
  return {
    id,
    subject,
    refreshFingerprint: `fp-${id}-0`,
    createdAt: now,
    expiresAt: new Date(now.getTime() + ttlMs),
  };
}

/** The SessionStore port's documented behaviour, for every adapter. */
export function describeSessionStoreContract(
  adapterName: string,
  makeSubject: () => Promise<SessionStoreSubject>,
): void {
  const run = (body: (s: SessionStoreSubject) => Promise<void>) => () => withSubject(makeSubject, body);

  describe(`SessionStore contract: ${adapterName}`, () => {
    it('returns a created session by id and by its refresh fingerprint', run(async ({ store, clock }) => {
      const session = sessionAt(clock, 's-1');
      await store.create(session);
      expect(await store.get('s-1')).toEqual(session);
      expect(await store.findByRefreshFingerprint('fp-s-1-0')).toEqual({ session, current: true });
      expect(await store.get('s-2')).toBeNull();
      expect(await store.findByRefreshFingerprint('fp-unknown')).toBeNull();
    }));

    it('ends a session when the clock reaches its expiresAt', run(async ({ store, clock }) => {
      await store.create(sessionAt(clock, 's-1'));
      clock.advance(HOUR - 1);
      expect(await store.get('s-1')).not.toBeNull();
      clock.advance(1);
      expect(await store.get('s-1')).toBeNull();
      expect(await store.findByRefreshFingerprint('fp-s-1-0')).toBeNull();
    }));

    it('rotates the refresh fingerprint, remembers the old one as used and moves expiresAt', run(async ({ store, clock }) => {
      const session = sessionAt(clock, 's-1');
      await store.create(session);
      clock.advance(HOUR / 2);
      const expiresAt = new Date(clock.now().getTime() + HOUR);
      const rotation = { sessionId: 's-1', expectedFingerprint: 'fp-s-1-0', nextFingerprint: 'fp-s-1-1', expiresAt };
      expect(await store.rotate(rotation)).toBe(true);
      const rotated = { ...session, refreshFingerprint: 'fp-s-1-1', expiresAt };
      expect(await store.get('s-1')).toEqual(rotated);
      expect(await store.findByRefreshFingerprint('fp-s-1-1')).toEqual({ session: rotated, current: true });
      expect(await store.findByRefreshFingerprint('fp-s-1-0')).toEqual({ session: rotated, current: false });
      clock.advance(HOUR / 2);
      expect(await store.get('s-1')).not.toBeNull();
    }));

    it('changes nothing when the expected fingerprint is not the current one', run(async ({ store, clock }) => {
      const session = sessionAt(clock, 's-1');
      await store.create(session);
      const expiresAt = new Date(clock.now().getTime() + 2 * HOUR);
      expect(await store.rotate({ sessionId: 's-1', expectedFingerprint: 'fp-other', nextFingerprint: 'fp-x', expiresAt })).toBe(false);
      expect(await store.rotate({ sessionId: 's-9', expectedFingerprint: 'fp-s-1-0', nextFingerprint: 'fp-y', expiresAt })).toBe(false);
      expect(await store.get('s-1')).toEqual(session);
      expect(await store.findByRefreshFingerprint('fp-x')).toBeNull();
      expect(await store.findByRefreshFingerprint('fp-y')).toBeNull();
    }));

    it('lets exactly one of concurrent rotations from the same fingerprint succeed', run(async ({ store, clock }) => {
      await store.create(sessionAt(clock, 's-1'));
      const expiresAt = new Date(clock.now().getTime() + HOUR);
      const outcomes = await Promise.all(
        [1, 2, 3, 4, 5].map((n) =>
          store.rotate({ sessionId: 's-1', expectedFingerprint: 'fp-s-1-0', nextFingerprint: `fp-s-1-${n}`, expiresAt }),
        ),
      );
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      const winner = outcomes.indexOf(true) + 1;
      expect((await store.get('s-1'))?.refreshFingerprint).toBe(`fp-s-1-${winner}`);
    }));

    it('revokes a session with every fingerprint it issued; revoking twice is harmless', run(async ({ store, clock }) => {
      await store.create(sessionAt(clock, 's-1'));
      await store.create(sessionAt(clock, 's-2'));
      const expiresAt = new Date(clock.now().getTime() + HOUR);
      await store.rotate({ sessionId: 's-1', expectedFingerprint: 'fp-s-1-0', nextFingerprint: 'fp-s-1-1', expiresAt });
      await store.revoke('s-1');
      await store.revoke('s-1');
      await store.revoke('never-existed');
      expect(await store.get('s-1')).toBeNull();
      expect(await store.findByRefreshFingerprint('fp-s-1-0')).toBeNull();
      expect(await store.findByRefreshFingerprint('fp-s-1-1')).toBeNull();
      expect(await store.rotate({ sessionId: 's-1', expectedFingerprint: 'fp-s-1-1', nextFingerprint: 'fp-s-1-2', expiresAt })).toBe(false);
      expect(await store.get('s-2')).not.toBeNull();
    }));

    it('revokes every live session of one subject and counts them', run(async ({ store, clock }) => {
      await store.create(sessionAt(clock, 's-1', 'alice'));
      await store.create(sessionAt(clock, 's-2', 'alice', 2 * HOUR));
      await store.create(sessionAt(clock, 's-3', 'alice', 3 * HOUR));
      await store.create(sessionAt(clock, 's-4', 'github:alice', 2 * HOUR));
      await store.revoke('s-3');
      clock.advance(HOUR);
      expect(await store.revokeAllOf('alice')).toBe(1);
      expect(await store.get('s-2')).toBeNull();
      expect(await store.findByRefreshFingerprint('fp-s-2-0')).toBeNull();
      expect(await store.revokeAllOf('alice')).toBe(0);
      expect(await store.revokeAllOf('nobody')).toBe(0);
      expect(await store.get('s-4')).not.toBeNull();
    }));

    describeSessionStoreModel(makeSubject);
  });
}

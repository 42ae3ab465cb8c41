import type { RefreshRotation, Session, SessionStore } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { withSubject, type AdjustableClock, type Disposable } from '../shared/contract-subject.js';
import { describeSessionStoreModel } from './session-store.model.js';

export interface SessionStoreSubject extends Disposable {
  readonly store: SessionStore;
  /** The clock the store expires sessions by. */
  readonly clock: AdjustableClock;
}

const HOUR = 3600_000;
const GRACE = 15_000;

/** A rotation at the clock's now, for session `s-1` unless told, with a 15 s grace and an hour's expiry. */
function rotation(
  clock: AdjustableClock,
  presentedFingerprint: string,
  nextFingerprint: string,
  overrides: Partial<RefreshRotation> = {},
): RefreshRotation {
  const at = clock.now();
  return {
    sessionId: 's-1',
    presentedFingerprint,
    nextFingerprint,
    expiresAt: new Date(at.getTime() + HOUR),
    at,
    reuseGraceMs: GRACE,
    ...overrides,
  };
}

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
      expect(await store.findByRefreshFingerprint('fp-s-1-0')).toEqual({ session, usedAt: null });
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

    it('rotates an unused fingerprint: stamps it used at `at`, issues the next one and moves expiresAt', run(async ({ store, clock }) => {
      const session = sessionAt(clock, 's-1');
      await store.create(session);
      clock.advance(HOUR / 2);
      const expiresAt = new Date(clock.now().getTime() + HOUR);
      expect(await store.rotate(rotation(clock, 'fp-s-1-0', 'fp-s-1-1', { expiresAt }))).toBe('rotated');
      const rotated = { ...session, refreshFingerprint: 'fp-s-1-1', expiresAt };
      expect(await store.get('s-1')).toEqual(rotated);
      expect(await store.findByRefreshFingerprint('fp-s-1-1')).toEqual({ session: rotated, usedAt: null });
      expect(await store.findByRefreshFingerprint('fp-s-1-0')).toEqual({ session: rotated, usedAt: clock.now() });
      clock.advance(HOUR / 2);
      expect(await store.get('s-1')).not.toBeNull();
    }));

    it('refuses, changing nothing, a fingerprint the session did not issue or a session that is gone', run(async ({ store, clock }) => {
      const session = sessionAt(clock, 's-1');
      await store.create(session);
      await store.create(sessionAt(clock, 's-2'));
      expect(await store.rotate(rotation(clock, 'fp-other', 'fp-x'))).toBe('refused');
      expect(await store.rotate(rotation(clock, 'fp-s-2-0', 'fp-y'))).toBe('refused');
      expect(await store.rotate({ ...rotation(clock, 'fp-s-1-0', 'fp-z'), sessionId: 's-9' })).toBe('refused');
      expect(await store.get('s-1')).toEqual(session);
      expect(await store.findByRefreshFingerprint('fp-s-1-0')).toEqual({ session, usedAt: null });
      for (const fp of ['fp-x', 'fp-y', 'fp-z']) expect(await store.findByRefreshFingerprint(fp)).toBeNull();
    }));

    it('without a grace, refuses a used fingerprint and changes nothing', run(async ({ store, clock }) => {
      await store.create(sessionAt(clock, 's-1'));
      expect(await store.rotate(rotation(clock, 'fp-s-1-0', 'fp-s-1-1', { reuseGraceMs: 0 }))).toBe('rotated');
      const before = await store.get('s-1');
      expect(await store.rotate(rotation(clock, 'fp-s-1-0', 'fp-s-1-2', { reuseGraceMs: 0 }))).toBe('refused');
      expect(await store.get('s-1')).toEqual(before);
      expect(await store.findByRefreshFingerprint('fp-s-1-2')).toBeNull();
    }));

    it('reissues for a used fingerprint strictly within the grace of its first use, and only then', run(async ({ store, clock }) => {
      await store.create(sessionAt(clock, 's-1'));
      const firstUse = clock.now();
      expect(await store.rotate(rotation(clock, 'fp-s-1-0', 'fp-s-1-1'))).toBe('rotated');
      clock.advance(GRACE - 1);
      const expiresAt = new Date(clock.now().getTime() + HOUR);
      expect(await store.rotate(rotation(clock, 'fp-s-1-0', 'fp-s-1-2', { expiresAt }))).toBe('reissued');
      const session = await store.get('s-1');
      expect(session).toMatchObject({ refreshFingerprint: 'fp-s-1-2', expiresAt });
      // Both children are unused and the parent keeps its first use, so the window does not move.
      expect(await store.findByRefreshFingerprint('fp-s-1-1')).toEqual({ session, usedAt: null });
      expect(await store.findByRefreshFingerprint('fp-s-1-2')).toEqual({ session, usedAt: null });
      expect(await store.findByRefreshFingerprint('fp-s-1-0')).toEqual({ session, usedAt: firstUse });
      clock.advance(1);
      expect(await store.rotate(rotation(clock, 'fp-s-1-0', 'fp-s-1-3'))).toBe('refused');
      expect(await store.findByRefreshFingerprint('fp-s-1-3')).toBeNull();
      // Each sibling is still traded once.
      expect(await store.rotate(rotation(clock, 'fp-s-1-1', 'fp-s-1-4'))).toBe('rotated');
      expect(await store.rotate(rotation(clock, 'fp-s-1-2', 'fp-s-1-5'))).toBe('rotated');
    }));

    it('lets exactly one of concurrent rotations of one unused fingerprint rotate; the rest are judged as reuse', run(async ({ store, clock }) => {
      await store.create(sessionAt(clock, 's-1'));
      await store.create(sessionAt(clock, 's-2'));
      const race = (id: string, reuseGraceMs: number) =>
        Promise.all([1, 2, 3, 4, 5].map((n) => store.rotate(rotation(clock, `fp-${id}-0`, `fp-${id}-${n}`, { sessionId: id, reuseGraceMs }))));
      const strict = await race('s-1', 0);
      expect(strict.filter((o) => o === 'rotated')).toHaveLength(1);
      expect(strict.filter((o) => o === 'refused')).toHaveLength(4);
      expect((await store.get('s-1'))?.refreshFingerprint).toBe(`fp-s-1-${strict.indexOf('rotated') + 1}`);

      const tolerant = await race('s-2', GRACE);
      expect(tolerant.filter((o) => o === 'rotated')).toHaveLength(1);
      expect(tolerant.filter((o) => o === 'reissued')).toHaveLength(4);
      for (const n of [1, 2, 3, 4, 5]) expect((await store.findByRefreshFingerprint(`fp-s-2-${n}`))?.usedAt).toBeNull();
    }));

    it('revokes a session with every fingerprint it issued; revoking twice is harmless', run(async ({ store, clock }) => {
      await store.create(sessionAt(clock, 's-1'));
      await store.create(sessionAt(clock, 's-2'));
      await store.rotate(rotation(clock, 'fp-s-1-0', 'fp-s-1-1'));
      expect(await store.rotate(rotation(clock, 'fp-s-1-0', 'fp-s-1-2'))).toBe('reissued');
      await store.revoke('s-1');
      await store.revoke('s-1');
      await store.revoke('never-existed');
      expect(await store.get('s-1')).toBeNull();
      expect(await store.findByRefreshFingerprint('fp-s-1-0')).toBeNull();
      expect(await store.findByRefreshFingerprint('fp-s-1-1')).toBeNull();
      expect(await store.findByRefreshFingerprint('fp-s-1-2')).toBeNull();
      expect(await store.rotate(rotation(clock, 'fp-s-1-1', 'fp-s-1-3'))).toBe('refused');
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

import type { Session, SessionStore } from '@hdoc/domain';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { withSubject, type AdjustableClock, type Disposable } from '../shared/contract-subject.js';

interface ModelSession {
  readonly id: string;
  readonly subject: string;
  readonly createdAt: number;
  /** Every fingerprint issued, the current one last. */
  readonly fingerprints: string[];
  expiresAt: number;
  revoked: boolean;
}

/** The trivial model: a list of sessions and the time. */
interface Model {
  now: number;
  readonly sessions: ModelSession[];
}

interface Real {
  readonly store: SessionStore;
  readonly clock: AdjustableClock;
}

type Command = fc.AsyncCommand<Model, Real>;

const MINUTE = 60_000;

function live(model: Model, session: ModelSession): boolean {
  return !session.revoked && model.now < session.expiresAt;
}

function current(session: ModelSession): string {
  return session.fingerprints.at(-1) as string;
}

function asSession(session: ModelSession): Session {
  return {
    id: session.id,
    subject: session.subject,
    refreshFingerprint: current(session),
    createdAt: new Date(session.createdAt),
    expiresAt: new Date(session.expiresAt),
  };
}

function pick(model: Model, index: number): ModelSession {
  return model.sessions[index % model.sessions.length] as ModelSession;
}

const hasSessions = (model: Model): boolean => model.sessions.length > 0;

class Create implements Command {
  constructor(readonly subject: string, readonly ttlMinutes: number) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const id = `s-${model.sessions.length}`;
    const session: ModelSession = {
      id,
      subject: this.subject,
      createdAt: model.now,
      fingerprints: [`fp-${id}-0`],
      expiresAt: model.now + this.ttlMinutes * MINUTE,
      revoked: false,
    };
    model.sessions.push(session);
    await real.store.create(asSession(session));
  }
  toString = () => `create(${this.subject}, ${this.ttlMinutes}min)`;
}

class Rotate implements Command {
  constructor(readonly index: number, readonly stale: boolean, readonly ttlMinutes: number) {}
  check = hasSessions;
  async run(model: Model, real: Real): Promise<void> {
    const session = pick(model, this.index);
    const expected = this.stale ? (session.fingerprints[0] as string) : current(session);
    const next = `fp-${session.id}-${session.fingerprints.length}`;
    const expiresAt = model.now + this.ttlMinutes * MINUTE;
    const ok = live(model, session) && expected === current(session);
    const rotated = await real.store.rotate({
      sessionId: session.id,
      expectedFingerprint: expected,
      nextFingerprint: next,
      expiresAt: new Date(expiresAt),
    });
    expect(rotated).toBe(ok);
    if (ok) {
      session.fingerprints.push(next);
      session.expiresAt = expiresAt;
    }
  }
  toString = () => `rotate(#${this.index}, ${this.stale ? 'stale' : 'current'}, ${this.ttlMinutes}min)`;
}

class Revoke implements Command {
  constructor(readonly index: number) {}
  check = hasSessions;
  async run(model: Model, real: Real): Promise<void> {
    const session = pick(model, this.index);
    session.revoked = true;
    await real.store.revoke(session.id);
  }
  toString = () => `revoke(#${this.index})`;
}

class RevokeAll implements Command {
  constructor(readonly subject: string) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const mine = model.sessions.filter((s) => s.subject === this.subject && live(model, s));
    expect(await real.store.revokeAllOf(this.subject)).toBe(mine.length);
    for (const session of mine) session.revoked = true;
  }
  toString = () => `revokeAllOf(${this.subject})`;
}

class Advance implements Command {
  constructor(readonly minutes: number) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    model.now += this.minutes * MINUTE;
    real.clock.advance(this.minutes * MINUTE);
  }
  toString = () => `advance(${this.minutes}min)`;
}

class Inspect implements Command {
  constructor(readonly index: number, readonly fingerprint: number) {}
  check = hasSessions;
  async run(model: Model, real: Real): Promise<void> {
    const session = pick(model, this.index);
    const expected = live(model, session) ? asSession(session) : null;
    expect(await real.store.get(session.id)).toEqual(expected);
    const fingerprint = session.fingerprints[this.fingerprint % session.fingerprints.length] as string;
    const match = await real.store.findByRefreshFingerprint(fingerprint);
    expect(match).toEqual(expected && { session: expected, current: fingerprint === current(session) });
  }
  toString = () => `inspect(#${this.index}, fp ${this.fingerprint})`;
}

const subjects = fc.constantFrom('alice', 'bob', 'github:carol');
const ttl = fc.integer({ min: 1, max: 120 });
const commands = [
  fc.tuple(subjects, ttl).map(([s, t]) => new Create(s, t)),
  fc.tuple(fc.nat(), fc.boolean(), ttl).map(([i, stale, t]) => new Rotate(i, stale, t)),
  fc.nat().map((i) => new Revoke(i)),
  subjects.map((s) => new RevokeAll(s)),
  fc.integer({ min: 0, max: 90 }).map((m) => new Advance(m)),
  fc.tuple(fc.nat(), fc.nat()).map(([i, f]) => new Inspect(i, f)),
];

/** Drives the store with random command sequences and compares every answer with the model. */
export function describeSessionStoreModel(
  makeSubject: () => Promise<Disposable & Real>,
): void {
  it('behaves like a list of sessions under any sequence of operations (model-based)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 40, size: 'medium' }), (sequence) =>
        withSubject(makeSubject, async (real) => {
          const model: Model = { now: real.clock.now().getTime(), sessions: [] };
          await fc.asyncModelRun(() => ({ model, real }), sequence);
        }),
      ),
      { numRuns: 60 },
    );
  });
}

import type { Session, SessionStore } from '@hdoc/domain';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { withSubject, type AdjustableClock, type Disposable } from '../shared/contract-subject.js';

interface ModelToken {
  readonly fingerprint: string;
  /** When first traded in, or null while unused. */
  usedAt: number | null;
}

interface ModelSession {
  readonly id: string;
  readonly subject: string;
  readonly createdAt: number;
  /** Every refresh token issued, the latest last. */
  readonly tokens: ModelToken[];
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

function latest(session: ModelSession): string {
  return (session.tokens.at(-1) as ModelToken).fingerprint;
}

function asSession(session: ModelSession): Session {
  return {
    id: session.id,
    subject: session.subject,
    refreshFingerprint: latest(session),
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
      tokens: [{ fingerprint: `fp-${id}-0`, usedAt: null }],
      expiresAt: model.now + this.ttlMinutes * MINUTE,
      revoked: false,
    };
    model.sessions.push(session);
    await real.store.create(asSession(session));
  }
  toString = () => `create(${this.subject}, ${this.ttlMinutes}min)`;
}

/** Trades one of the session's tokens (or, when `foreign`, a token it never issued) with some grace. */
class Rotate implements Command {
  constructor(
    readonly index: number,
    readonly token: number,
    readonly foreign: boolean,
    readonly graceMinutes: number,
    readonly ttlMinutes: number,
  ) {}
  check = hasSessions;
  async run(model: Model, real: Real): Promise<void> {
    const session = pick(model, this.index);
    const own = session.tokens[this.token % session.tokens.length] as ModelToken;
    const presented = this.foreign ? `fp-foreign-${this.token}` : own.fingerprint;
    const next = `fp-${session.id}-${session.tokens.length}`;
    const expiresAt = model.now + this.ttlMinutes * MINUTE;
    const reuseGraceMs = this.graceMinutes * MINUTE;
    const expected = !live(model, session) || this.foreign
      ? 'refused'
      : own.usedAt === null
        ? 'rotated'
        : model.now - own.usedAt < reuseGraceMs ? 'reissued' : 'refused';
    const outcome = await real.store.rotate({
      sessionId: session.id,
      presentedFingerprint: presented,
      nextFingerprint: next,
      expiresAt: new Date(expiresAt),
      at: new Date(model.now),
      reuseGraceMs,
    });
    expect(outcome).toBe(expected);
    if (expected !== 'refused') {
      if (own.usedAt === null) own.usedAt = model.now;
      session.tokens.push({ fingerprint: next, usedAt: null });
      session.expiresAt = expiresAt;
    }
    // The presented token's state right after, so a wrong first-use time shows at once.
    const after = live(model, session) && !this.foreign ? asSession(session) : null;
    expect(await real.store.findByRefreshFingerprint(presented)).toEqual(
      after && { session: after, usedAt: own.usedAt === null ? null : new Date(own.usedAt) },
    );
  }
  toString = () =>
    `rotate(#${this.index}, ${this.foreign ? 'foreign' : `token ${this.token}`}, grace ${this.graceMinutes}min, ${this.ttlMinutes}min)`;
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
    const token = session.tokens[this.fingerprint % session.tokens.length] as ModelToken;
    const match = await real.store.findByRefreshFingerprint(token.fingerprint);
    expect(match).toEqual(expected && { session: expected, usedAt: token.usedAt === null ? null : new Date(token.usedAt) });
  }
  toString = () => `inspect(#${this.index}, fp ${this.fingerprint})`;
}

const subjects = fc.constantFrom('alice', 'bob', 'github:carol');
const ttl = fc.integer({ min: 5, max: 120 });
// Rotations and short steps of time are listed twice, so sequences often reach the grace windows
// (0, 1 and 3 minutes) and their edges.
const rotate = fc
  .tuple(fc.nat({ max: 3 }), fc.nat({ max: 4 }), fc.nat({ max: 5 }).map((n) => n === 0), fc.constantFrom(0, 1, 3), ttl)
  .map(([i, token, foreign, grace, t]) => new Rotate(i, token, foreign, grace, t));
const shortStep = fc.integer({ min: 0, max: 3 }).map((m) => new Advance(m));
const commands = [
  fc.tuple(subjects, ttl).map(([s, t]) => new Create(s, t)),
  rotate,
  rotate,
  fc.nat().map((i) => new Revoke(i)),
  subjects.map((s) => new RevokeAll(s)),
  shortStep,
  shortStep,
  fc.integer({ min: 0, max: 90 }).map((m) => new Advance(m)),
  fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 4 })).map(([i, f]) => new Inspect(i, f)),
];

/** Drives the store with random command sequences and compares every answer with the model. */
export function describeSessionStoreModel(
  makeSubject: () => Promise<Disposable & Real>,
): void {
  it('behaves like a list of sessions under any sequence of operations (model-based)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 40, size: 'max' }), (sequence) =>
        withSubject(makeSubject, async (real) => {
          const model: Model = { now: real.clock.now().getTime(), sessions: [] };
          await fc.asyncModelRun(() => ({ model, real }), sequence);
        }),
      ),
      { numRuns: 300 },
    );
  });
}

import type { Clock, RefreshRotation, RefreshTokenMatch, RotationOutcome, Session, SessionStore } from '@hdoc/domain';
import { ExpiringMap } from './expiring-map.js';

/**
 * Sessions in memory, expiring by the Clock. Every refresh fingerprint a session issued maps back
 * to it until the session ends, with the time of its first use (null while unused), which is what
 * lets a replayed token be told from a racing tab's. Each method runs without awaiting, so
 * rotation is atomic on the single JavaScript thread.
 */
export class MemorySessionStore implements SessionStore {
  private readonly sessions: ExpiringMap<string, Session>;
  private readonly sessionByFingerprint = new Map<string, string>();
  /** Per session: every fingerprint it issued and when it was first used (epoch ms), or null. */
  private readonly usesBySession = new Map<string, Map<string, number | null>>();
  private readonly sessionsBySubject = new Map<string, Set<string>>();

  constructor(clock: Clock) {
    this.sessions = new ExpiringMap(clock, (id, session) => this.forget(id, session));
  }

  async create(session: Session): Promise<void> {
    this.sessions.set(session.id, copy(session), session.expiresAt.getTime());
    this.sessionByFingerprint.set(session.refreshFingerprint, session.id);
    this.usesBySession.set(session.id, new Map([[session.refreshFingerprint, null]]));
    const ofSubject = this.sessionsBySubject.get(session.subject) ?? new Set<string>();
    ofSubject.add(session.id);
    this.sessionsBySubject.set(session.subject, ofSubject);
  }

  async get(sessionId: string): Promise<Session | null> {
    const session = this.sessions.get(sessionId);
    return session === undefined ? null : copy(session);
  }

  async findByRefreshFingerprint(fingerprint: string): Promise<RefreshTokenMatch | null> {
    const id = this.sessionByFingerprint.get(fingerprint);
    const session = id === undefined ? undefined : this.sessions.get(id);
    if (session === undefined) return null;
    const usedAt = this.usesBySession.get(session.id)?.get(fingerprint) ?? null;
    return { session: copy(session), usedAt: usedAt === null ? null : new Date(usedAt) };
  }

  async rotate(rotation: RefreshRotation): Promise<RotationOutcome> {
    const session = this.sessions.get(rotation.sessionId);
    const uses = this.usesBySession.get(rotation.sessionId);
    if (session === undefined || uses === undefined || !uses.has(rotation.presentedFingerprint)) return 'refused';
    const usedAt = uses.get(rotation.presentedFingerprint) ?? null;
    const at = rotation.at.getTime();
    if (usedAt !== null && at - usedAt >= rotation.reuseGraceMs) return 'refused';
    if (usedAt === null) uses.set(rotation.presentedFingerprint, at);
    uses.set(rotation.nextFingerprint, null);
    this.sessionByFingerprint.set(rotation.nextFingerprint, session.id);
    const rotated = { ...session, refreshFingerprint: rotation.nextFingerprint, expiresAt: new Date(rotation.expiresAt) };
    this.sessions.set(session.id, rotated, rotated.expiresAt.getTime());
    return usedAt === null ? 'rotated' : 'reissued';
  }

  async revoke(sessionId: string): Promise<void> {
    this.sessions.delete(sessionId);
  }

  async revokeAllOf(subject: string): Promise<number> {
    let revoked = 0;
    for (const id of [...(this.sessionsBySubject.get(subject) ?? [])]) {
      if (this.sessions.get(id) !== undefined) revoked += 1;
      this.sessions.delete(id);
    }
    return revoked;
  }

  private forget(id: string, session: Session): void {
    for (const fingerprint of this.usesBySession.get(id)?.keys() ?? []) this.sessionByFingerprint.delete(fingerprint);
    this.usesBySession.delete(id);
    const ofSubject = this.sessionsBySubject.get(session.subject);
    ofSubject?.delete(id);
    if (ofSubject?.size === 0) this.sessionsBySubject.delete(session.subject);
  }
}

function copy(session: Session): Session {
  return { ...session, createdAt: new Date(session.createdAt), expiresAt: new Date(session.expiresAt) };
}

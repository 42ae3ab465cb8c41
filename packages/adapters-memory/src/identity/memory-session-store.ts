import type { Clock, RefreshRotation, RefreshTokenMatch, Session, SessionStore } from '@hdoc/domain';
import { ExpiringMap } from './expiring-map.js';

/**
 * Sessions in memory, expiring by the Clock. Every refresh fingerprint a session issued maps back
 * to it until the session ends, which is what lets a replayed (used) token be recognised. Each
 * method runs without awaiting, so rotation is atomic on the single JavaScript thread.
 */
export class MemorySessionStore implements SessionStore {
  private readonly sessions: ExpiringMap<string, Session>;
  private readonly sessionByFingerprint = new Map<string, string>();
  private readonly fingerprintsBySession = new Map<string, string[]>();
  private readonly sessionsBySubject = new Map<string, Set<string>>();

  constructor(clock: Clock) {
    this.sessions = new ExpiringMap(clock, (id, session) => this.forget(id, session));
  }

  async create(session: Session): Promise<void> {
    this.sessions.set(session.id, copy(session), session.expiresAt.getTime());
    this.sessionByFingerprint.set(session.refreshFingerprint, session.id);
    this.fingerprintsBySession.set(session.id, [session.refreshFingerprint]);
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
    return { session: copy(session), current: session.refreshFingerprint === fingerprint };
  }

  async rotate(rotation: RefreshRotation): Promise<boolean> {
    const session = this.sessions.get(rotation.sessionId);
    if (session === undefined || session.refreshFingerprint !== rotation.expectedFingerprint) return false;
    const rotated = { ...session, refreshFingerprint: rotation.nextFingerprint, expiresAt: new Date(rotation.expiresAt) };
    this.sessions.set(session.id, rotated, rotated.expiresAt.getTime());
    this.sessionByFingerprint.set(rotation.nextFingerprint, session.id);
    this.fingerprintsBySession.get(session.id)?.push(rotation.nextFingerprint);
    return true;
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
    for (const fingerprint of this.fingerprintsBySession.get(id) ?? []) this.sessionByFingerprint.delete(fingerprint);
    this.fingerprintsBySession.delete(id);
    const ofSubject = this.sessionsBySubject.get(session.subject);
    ofSubject?.delete(id);
    if (ofSubject?.size === 0) this.sessionsBySubject.delete(session.subject);
  }
}

function copy(session: Session): Session {
  return { ...session, createdAt: new Date(session.createdAt), expiresAt: new Date(session.expiresAt) };
}

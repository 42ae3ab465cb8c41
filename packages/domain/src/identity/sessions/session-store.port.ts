import { token } from '../../shared/token.js';
import type { Session } from './session.js';

/** A session found through a refresh token fingerprint. */
export interface RefreshTokenMatch {
  readonly session: Session;
  /** True for the session's latest refresh token; false for one already rotated away (used). */
  readonly current: boolean;
}

/** A compare-and-set of a session's refresh token. */
export interface RefreshRotation {
  readonly sessionId: string;
  readonly expectedFingerprint: string;
  readonly nextFingerprint: string;
  /** The session's new end. */
  readonly expiresAt: Date;
}

/**
 * Live sessions (Redis in production). A session is gone once the adapter's Clock reaches its
 * `expiresAt` (adapters should also let their storage expire it), or once it is revoked; a gone
 * session is never returned again, through its id or through any refresh token it issued.
 */
export interface SessionStore {
  /** Stores a new session, live until its `expiresAt`. */
  create(session: Session): Promise<void>;
  /** The live session with this id, or null. */
  get(sessionId: string): Promise<Session | null>;
  /**
   * The live session that issued a refresh token with this fingerprint, current or already
   * rotated away, or null when no live session issued it.
   */
  findByRefreshFingerprint(fingerprint: string): Promise<RefreshTokenMatch | null>;
  /**
   * Atomically: when the live session's current fingerprint is `expectedFingerprint`, makes
   * `nextFingerprint` current (the old one stays known as used) and moves `expiresAt`, and returns
   * true. Otherwise changes nothing and returns false; of concurrent rotations from the same
   * fingerprint, exactly one succeeds.
   */
  rotate(rotation: RefreshRotation): Promise<boolean>;
  /** Ends the session and forgets every refresh token it issued. Unknown ids are ignored. */
  revoke(sessionId: string): Promise<void>;
  /** Ends every live session of the subject and says how many there were. */
  revokeAllOf(subject: string): Promise<number>;
}

export const SessionStoreToken = token<SessionStore>('SessionStore');

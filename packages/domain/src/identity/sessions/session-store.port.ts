import { token } from '../../shared/token.js';
import type { Session } from './session.js';

/** A session found through a refresh token fingerprint. */
export interface RefreshTokenMatch {
  readonly session: Session;
  /** When the token was first traded in (its first successful rotation); null while it is unused. */
  readonly usedAt: Date | null;
}

/** One trade of a refresh token for the next, decided atomically by `SessionStore.rotate`. */
export interface RefreshRotation {
  readonly sessionId: string;
  /** Fingerprint of the refresh token presented. */
  readonly presentedFingerprint: string;
  /** Fingerprint of the refresh token to issue. */
  readonly nextFingerprint: string;
  /** The session's new end. */
  readonly expiresAt: Date;
  /** The time of the trade, by the caller's Clock: stamped as the presented token's `usedAt` when unused. */
  readonly at: Date;
  /**
   * How long (milliseconds) after its `usedAt` a used token may still be traded: it then gets a new
   * sibling instead of being refused. 0 refuses every used token.
   */
  readonly reuseGraceMs: number;
}

/**
 * What a rotation did: `rotated` an unused token (now used), `reissued` a sibling for a token used
 * less than the grace ago, or `refused` (session gone, token not issued by it, or used too long ago).
 */
export type RotationOutcome = 'rotated' | 'reissued' | 'refused';

/**
 * Live sessions (Redis in production). A session is gone once the adapter's Clock reaches its
 * `expiresAt` (adapters should also let their storage expire it), or once it is revoked; a gone
 * session is never returned again, through its id or through any refresh token it issued.
 *
 * Each refresh token a session issued is either unused or used (with the time of its first use).
 * Several may be unused at once (siblings issued inside the reuse grace); each works until it is used.
 */
export interface SessionStore {
  /** Stores a new session, live until its `expiresAt`; its `refreshFingerprint` is its one unused token. */
  create(session: Session): Promise<void>;
  /** The live session with this id, or null. */
  get(sessionId: string): Promise<Session | null>;
  /**
   * The live session that issued a refresh token with this fingerprint, used or not, or null when
   * no live session issued it.
   */
  findByRefreshFingerprint(fingerprint: string): Promise<RefreshTokenMatch | null>;
  /**
   * Atomically (one Lua script in Redis), on the live session `sessionId`:
   * - presented token unused: marks it used at `at`, issues `nextFingerprint` (unused), answers `rotated`;
   * - presented token used at `usedAt` with `at - usedAt < reuseGraceMs`: issues `nextFingerprint`
   *   (unused) and leaves the presented token's `usedAt` as it was, so the window never extends;
   *   answers `reissued`;
   * - otherwise (session gone, token not issued by this session, used too long ago): changes nothing
   *   and answers `refused`.
   * A rotation that issues makes `nextFingerprint` the session's `refreshFingerprint` (the latest
   * issued) and moves `expiresAt`. Of concurrent rotations of one unused token, exactly one answers
   * `rotated`; the others are judged as reuse of a token used at that rotation's `at`.
   */
  rotate(rotation: RefreshRotation): Promise<RotationOutcome>;
  /** Ends the session and forgets every refresh token it issued. Unknown ids are ignored. */
  revoke(sessionId: string): Promise<void>;
  /** Ends every live session of the subject and says how many there were. */
  revokeAllOf(subject: string): Promise<number>;
}

export const SessionStoreToken = token<SessionStore>('SessionStore');

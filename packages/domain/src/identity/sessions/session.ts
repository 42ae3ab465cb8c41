import { token } from '../../shared/token.js';

/**
 * A login session. The refresh token itself is never stored: only its SHA-256 fingerprint, so a
 * leaked session store cannot be replayed.
 */
export interface Session {
  readonly id: string;
  /** The principal's subject: a user id, or `github:<login>`. */
  readonly subject: string;
  /** Fingerprint of the latest refresh token the session issued. */
  readonly refreshFingerprint: string;
  readonly createdAt: Date;
  /** When the session ends unless refreshed (the store's TTL). */
  readonly expiresAt: Date;
}

/** How long sessions live, and how refresh tokens may be reused. */
export interface SessionPolicy {
  /** A session not refreshed for this long ends. */
  readonly idleTimeoutSeconds: number;
  /** No session outlives this, however often it is refreshed. */
  readonly maxLifetimeSeconds: number;
  /**
   * A used refresh token presented again within this many seconds of its first use gets a new
   * sibling pair instead of revoking the session (two tabs refreshing at once); 0 disables.
   */
  readonly refreshReuseGraceSeconds: number;
}

/**
 * Defaults: a week of inactivity, a month at most (then the user logs in again); a used refresh
 * token is honoured again for 15 seconds, long enough for tabs racing on one stored token.
 */
export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleTimeoutSeconds: 7 * 24 * 3600,
  maxLifetimeSeconds: 30 * 24 * 3600,
  refreshReuseGraceSeconds: 15,
};

export const SessionPolicyToken = token<SessionPolicy>('SessionPolicy');

/** What login, refresh and the GitHub callback answer. */
export interface SessionTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly tokenType: 'Bearer';
  /** Lifetime of the access token, in seconds. */
  readonly expiresIn: number;
}

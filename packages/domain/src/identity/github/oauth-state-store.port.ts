import { token } from '../../shared/token.js';

/** A started GitHub login, kept server-side until the callback, keyed by its `state`. */
export interface OAuthLoginAttempt {
  readonly state: string;
  readonly codeVerifier: string;
  /**
   * Where the website wants the browser back after sign-in (already checked against the allowed origins
   * by the edge), or null: the callback then answers the session tokens itself.
   */
  readonly returnTo: string | null;
  readonly expiresAt: Date;
}

/**
 * Short-lived storage of started OAuth logins (Redis in production), so the callback can check the
 * `state` it gets and use the PKCE verifier once. An attempt is gone once the adapter's Clock
 * reaches its `expiresAt`, or once taken.
 */
export interface OAuthStateStore {
  /** Keeps the attempt until its `expiresAt`. */
  save(attempt: OAuthLoginAttempt): Promise<void>;
  /**
   * Atomically removes and returns the live attempt with this state, or null when it is unknown,
   * already taken or expired. Of concurrent takes of one state, at most one gets it.
   */
  take(state: string): Promise<OAuthLoginAttempt | null>;
}

export const OAuthStateStoreToken = token<OAuthStateStore>('OAuthStateStore');

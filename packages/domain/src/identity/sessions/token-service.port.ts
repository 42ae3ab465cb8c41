import { token } from '../../shared/token.js';

/** What an access token asserts. */
export interface AccessTokenClaims {
  readonly subject: string;
  readonly sessionId: string;
}

/** A freshly signed access token. */
export interface IssuedAccessToken {
  readonly token: string;
  readonly expiresInSeconds: number;
}

/**
 * Short-lived, signed access tokens (JWT in production: pinned algorithm, `kid` for key rotation,
 * 15-minute lifetime). A valid signature only proves the token was issued; whether its session is
 * still live is for the SessionStore to say.
 */
export interface TokenService {
  /** Signs a token for the session with the current key. */
  issue(claims: AccessTokenClaims): Promise<IssuedAccessToken>;
  /**
   * The claims of a token this service issued with a key it still trusts, within its validity
   * period; `UnauthorizedError` for anything else.
   */
  verify(token: string): Promise<AccessTokenClaims>;
}

export const TokenServiceToken = token<TokenService>('TokenService');

import type { SecretGenerator } from '../secrets/secret-generator.port.js';
import type { SessionStore } from './session-store.port.js';

export interface LogOutWithRefreshTokenInput {
  readonly refreshToken: string;
}

/**
 * Ends the session that issued a refresh token (DELETE /sessions/current with `{refresh_token}`), for
 * a client whose access token has expired: logging out must not need a refresh first. Any token the
 * session issued counts, used or not (whoever holds a used one can end the session by replaying it
 * anyway). An unknown token, or one of a session already ended, changes nothing and is not an
 * error, so a repeated logout succeeds and the answer tells nothing about the token.
 */
export class LogOutWithRefreshToken {
  constructor(
    private readonly sessions: SessionStore,
    private readonly secrets: SecretGenerator,
  ) {}

  async execute(input: LogOutWithRefreshTokenInput): Promise<void> {
    const match = await this.sessions.findByRefreshFingerprint(this.secrets.fingerprint(input.refreshToken));
    if (match !== null) await this.sessions.revoke(match.session.id);
  }
}

import { UnauthorizedError } from '../../shared/errors.js';
import type { SessionTokens } from './session.js';
import type { SessionIssuer } from './session-issuer.js';

export interface RefreshSessionInput {
  readonly refreshToken: string;
}

/**
 * Rotates a session's refresh token (POST /sessions/refresh). Every refresh token works once;
 * presenting a used one revokes the whole session, so a stolen token dies with its first replay.
 */
export class RefreshSession {
  constructor(private readonly sessions: Pick<SessionIssuer, 'rotate'>) {}

  async execute(input: RefreshSessionInput): Promise<SessionTokens> {
    if (input.refreshToken.length === 0) throw new UnauthorizedError('invalid refresh token');
    return this.sessions.rotate(input.refreshToken);
  }
}


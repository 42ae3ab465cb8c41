import { UnauthorizedError } from '../../shared/errors.js';
import type { SessionTokens } from './session.js';
import type { SessionIssuer } from './session-issuer.js';

export interface RefreshSessionInput {
  readonly refreshToken: string;
}

/**
 * Rotates a session's refresh token (POST /sessions/refresh). Every refresh token is traded once,
 * except that within the reuse grace (15 s by default) a used one gets a sibling pair, so two tabs
 * sharing one stored token both stay signed in; presenting a used one later revokes the whole
 * session, so a stolen token dies with its first late replay.
 */
export class RefreshSession {
  constructor(private readonly sessions: Pick<SessionIssuer, 'rotate'>) {}

  async execute(input: RefreshSessionInput): Promise<SessionTokens> {
    if (input.refreshToken.length === 0) throw new UnauthorizedError('invalid refresh token');
    return this.sessions.rotate(input.refreshToken);
  }
}


import { UnauthorizedError } from '../../shared/errors.js';
import type { Principal } from '../../shared/principal.js';
import type { SessionStore } from './session-store.port.js';
import type { TokenService } from './token-service.port.js';

export interface AuthenticateInput {
  readonly accessToken: string;
}

/**
 * Turns a bearer access token into the acting principal. Beyond the signature and lifetime, the
 * token's session must still be live, so logging out invalidates its access tokens at once.
 */
export class Authenticate {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: SessionStore,
  ) {}

  async execute(input: AuthenticateInput): Promise<Principal> {
    const claims = await this.tokens.verify(input.accessToken);
    const session = await this.sessions.get(claims.sessionId);
    if (session === null || session.subject !== claims.subject) {
      throw new UnauthorizedError('session has ended');
    }
    return { subject: claims.subject, sessionId: claims.sessionId };
  }
}


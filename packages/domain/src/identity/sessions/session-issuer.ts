import type { Clock } from '../../shared/clock.port.js';
import { UnauthorizedError } from '../../shared/errors.js';
import type { IdGenerator } from '../../shared/id-generator.port.js';
import type { SecretGenerator } from '../secrets/secret-generator.port.js';
import { DEFAULT_SESSION_POLICY, type Session, type SessionPolicy, type SessionTokens } from './session.js';
import type { SessionStore } from './session-store.port.js';
import type { TokenService } from './token-service.port.js';

/**
 * Opens sessions and rotates their refresh tokens: the part shared by password login, GitHub login
 * and refresh. A domain service rather than a use case: it trusts that its caller authenticated the
 * subject.
 */
export class SessionIssuer {
  constructor(
    private readonly store: SessionStore,
    private readonly tokens: TokenService,
    private readonly secrets: SecretGenerator,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly policy: SessionPolicy = DEFAULT_SESSION_POLICY,
  ) {}

  /** Opens a new session for an authenticated subject. */
  async open(subject: string): Promise<SessionTokens> {
    const now = this.clock.now();
    const refreshToken = this.secrets.newSecret();
    const session: Session = {
      id: this.ids.newId(),
      subject,
      refreshFingerprint: this.secrets.fingerprint(refreshToken),
      createdAt: now,
      expiresAt: this.nextExpiry(now, now),
    };
    await this.store.create(session);
    return this.tokensFor(session, refreshToken);
  }

  /**
   * Trades a refresh token for new tokens. An unused token is rotated away; a used one presented
   * again within the policy's reuse grace (another tab racing on the same stored token) gets a
   * sibling pair for the same session. Any other reuse means the token leaked or was replayed: the
   * whole session ends.
   */
  async rotate(refreshToken: string): Promise<SessionTokens> {
    const presented = this.secrets.fingerprint(refreshToken);
    const match = await this.store.findByRefreshFingerprint(presented);
    if (match === null) throw new UnauthorizedError('invalid refresh token');
    const now = this.clock.now();
    const reuseGraceMs = this.policy.refreshReuseGraceSeconds * 1000;
    // A replay already past the grace needs no rotation attempt; the store still decides races.
    if (match.usedAt !== null && now.getTime() - match.usedAt.getTime() >= reuseGraceMs) {
      return this.revokeReplayed(match.session.id);
    }
    const next = this.secrets.newSecret();
    const outcome = await this.store.rotate({
      sessionId: match.session.id,
      presentedFingerprint: presented,
      nextFingerprint: this.secrets.fingerprint(next),
      expiresAt: this.nextExpiry(match.session.createdAt, now),
      at: now,
      reuseGraceMs,
    });
    if (outcome === 'refused') return this.revokeReplayed(match.session.id);
    return this.tokensFor(match.session, next);
  }

  private async revokeReplayed(sessionId: string): Promise<never> {
    await this.store.revoke(sessionId);
    throw new UnauthorizedError('invalid refresh token');
  }

  private nextExpiry(createdAt: Date, now: Date): Date {
    return new Date(
      Math.min(
        now.getTime() + this.policy.idleTimeoutSeconds * 1000,
        createdAt.getTime() + this.policy.maxLifetimeSeconds * 1000,
      ),
    );
  }

  private async tokensFor(session: Session, refreshToken: string): Promise<SessionTokens> {
    const access = await this.tokens.issue({ subject: session.subject, sessionId: session.id });
    return {
      accessToken: access.token,
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: access.expiresInSeconds,
    };
  }
}


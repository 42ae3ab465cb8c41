import { randomUUID } from 'node:crypto';
import { UnauthorizedError, type AccessTokenClaims, type Clock, type IssuedAccessToken, type TokenService } from '@hdoc/domain';
import { importJWK, jwtVerify, SignJWT, type JWK, type JWTHeaderParameters } from 'jose';
import { assertTokenKey, publicTokenKey, TOKEN_ALGORITHM, type TokenKey } from './token-keys.js';

/** RFC 9068's media type for access tokens, so no other JWT signed with these keys passes as one. */
const ACCESS_TOKEN_TYPE = 'at+jwt';

/** Fifteen minutes: short enough that a leaked token soon dies, long enough to spare refreshes. */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 900;

/** What the service is built from; keys come from configuration (Secrets Manager in AWS). */
export interface JoseTokenServiceOptions {
  readonly issuer: string;
  readonly audience: string;
  /** The private key new tokens are signed with. */
  readonly currentKey: JWK;
  /** The key before the last rotation (public part suffices): its tokens still verify. */
  readonly previousKey?: JWK | null;
  readonly clock: Clock;
  readonly lifetimeSeconds?: number;
}

type VerificationKey = Awaited<ReturnType<typeof importJWK>>;

/** A token that passed every check, with the instants (epoch seconds) that bound its validity. */
interface CachedVerification {
  readonly claims: AccessTokenClaims;
  readonly expiresAt: number;
  readonly issuedAt: number;
}

/**
 * Verified tokens remembered per process: an Ed25519 verification costs far more than the rest of an
 * authenticated request, and a client sends the same token for up to 15 minutes.
 */
const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

/**
 * Access tokens as JWTs signed with Ed25519 through jose. The algorithm, issuer, audience and type
 * are pinned; tokens carry `iss`, `aud`, `sub`, `sid`, `iat`, `exp`, `jti` and a `kid` header.
 * Signing uses the current key; verification accepts the current and the previous key by `kid`, so
 * a rotation logs nobody out, and nothing else. Time comes from the Clock.
 */
export class JoseTokenService implements TokenService {
  private readonly verified = new Map<string, CachedVerification>();

  private constructor(
    private readonly options: JoseTokenServiceOptions & { readonly lifetimeSeconds: number },
    private readonly signingKid: string,
    private readonly signingKey: VerificationKey,
    private readonly verificationKeys: ReadonlyMap<string, VerificationKey>,
  ) {}

  /** Imports the configured keys; throws when they are not Ed25519 JWKs with a `kid`. */
  static async create(options: JoseTokenServiceOptions): Promise<JoseTokenService> {
    const { currentKey, previousKey } = options;
    assertTokenKey(currentKey, 'current');
    if (currentKey.d === undefined) throw new Error('current token key must be a private key');
    const trusted: TokenKey[] = [currentKey];
    if (previousKey) {
      assertTokenKey(previousKey, 'previous');
      if (previousKey.kid === currentKey.kid) throw new Error('previous token key must have another kid');
      trusted.push(previousKey);
    }
    const verificationKeys = new Map<string, VerificationKey>();
    for (const key of trusted) {
      verificationKeys.set(key.kid, await importJWK(publicTokenKey(key), TOKEN_ALGORITHM));
    }
    return new JoseTokenService(
      { ...options, lifetimeSeconds: options.lifetimeSeconds ?? ACCESS_TOKEN_LIFETIME_SECONDS },
      currentKey.kid,
      await importJWK(currentKey, TOKEN_ALGORITHM),
      verificationKeys,
    );
  }

  async issue(claims: AccessTokenClaims): Promise<IssuedAccessToken> {
    const now = Math.floor(this.options.clock.now().getTime() / 1000);
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: ACCESS_TOKEN_TYPE, kid: this.signingKid })
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setSubject(claims.subject)
      .setIssuedAt(now)
      .setExpirationTime(now + this.options.lifetimeSeconds)
      .setJti(randomUUID())
      .sign(this.signingKey);
    return { token, expiresInSeconds: this.options.lifetimeSeconds };
  }

  async verify(token: string): Promise<AccessTokenClaims> {
    const cached = this.verified.get(token);
    if (cached !== undefined) {
      // Signature, algorithm, type, issuer and audience cannot change for the same token string; only
      // time can, so a cached token is re-checked against the clock exactly as jwtVerify would.
      const now = this.options.clock.now().getTime() / 1000;
      if (now < cached.expiresAt && now >= cached.issuedAt) return cached.claims;
      this.verified.delete(token);
      throw new UnauthorizedError('invalid access token');
    }
    try {
      const { payload } = await jwtVerify(token, (header) => this.keyFor(header), {
        algorithms: [TOKEN_ALGORITHM],
        typ: ACCESS_TOKEN_TYPE,
        issuer: this.options.issuer,
        audience: this.options.audience,
        currentDate: this.options.clock.now(),
        // Also rejects an `iat` in the future or a lifetime longer than ours.
        maxTokenAge: this.options.lifetimeSeconds,
        requiredClaims: ['sub', 'sid', 'exp', 'iat', 'jti'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') throw new Error('malformed claims');
      const claims = { subject: payload.sub, sessionId: payload.sid };
      this.remember(token, { claims, expiresAt: payload.exp!, issuedAt: payload.iat! });
      return claims;
    } catch {
      // Whatever failed, the caller learns only that the token is not acceptable.
      throw new UnauthorizedError('invalid access token');
    }
  }

  /** Bounded: the oldest verification is forgotten first (it is also the first to expire). */
  private remember(token: string, verification: CachedVerification): void {
    if (this.verified.size >= VERIFIED_TOKEN_CACHE_SIZE) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, verification);
  }

  private keyFor(header: JWTHeaderParameters): VerificationKey {
    const key = header.kid === undefined ? undefined : this.verificationKeys.get(header.kid);
    if (key === undefined) throw new Error('unknown kid');
    return key;
  }
}

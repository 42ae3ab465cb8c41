import type { Clock } from '../../shared/clock.port.js';
import { RateLimitedError } from '../../shared/errors.js';
import type { RateLimit, RateLimiter } from '../rate-limit/rate-limiter.port.js';
import type { SecretGenerator } from '../secrets/secret-generator.port.js';
import type { GitHubOAuth } from './github-oauth.port.js';
import type { OAuthStateStore } from './oauth-state-store.port.js';

/** Every start is a fresh attempt; the caller's address bounds how many one client may open. */
export interface StartGitHubLoginInput {
  /** The caller's network address as the edge saw it. */
  readonly clientAddress: string;
  /** The website's return URL, already checked by the edge (allowed origin, no fragment); kept server-side. */
  readonly returnTo?: string | null;
}

export interface StartGitHubLoginResult {
  /** Where to redirect the browser (GET /auth/github answers 302 to it). */
  readonly authorizeUrl: string;
  /** The attempt's state, e.g. for the edge to bind it to the browser with a cookie. */
  readonly state: string;
  readonly expiresAt: Date;
}

/** Ten minutes: enough to sign in to GitHub, short enough that stale attempts vanish. */
export const DEFAULT_OAUTH_ATTEMPT_TTL_SECONDS = 600;

/**
 * Each start stores an attempt for ten minutes without any credential, so one address may open at most
 * 30 per ten minutes: plenty for people retrying in several tabs, too few to fill the store.
 */
export const DEFAULT_GITHUB_LOGIN_START_LIMIT: RateLimit = { limit: 30, windowSeconds: 600 };

/**
 * Starts a GitHub login: a fresh `state` and PKCE verifier are kept server-side, keyed by state,
 * and only the state and the verifier's S256 challenge leave in the authorize URL. Rate limited per
 * client address, since anyone may start one.
 */
export class StartGitHubLogin {
  constructor(
    private readonly github: GitHubOAuth,
    private readonly attempts: OAuthStateStore,
    private readonly secrets: SecretGenerator,
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
    private readonly startLimit: RateLimit = DEFAULT_GITHUB_LOGIN_START_LIMIT,
    private readonly attemptTtlSeconds = DEFAULT_OAUTH_ATTEMPT_TTL_SECONDS,
  ) {}

  async execute(input: StartGitHubLoginInput): Promise<StartGitHubLoginResult> {
    const decision = await this.limiter.consume(`github-login-start:${input.clientAddress}`, this.startLimit);
    if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
    const state = this.secrets.newSecret();
    const codeVerifier = this.secrets.newSecret();
    const expiresAt = new Date(this.clock.now().getTime() + this.attemptTtlSeconds * 1000);
    await this.attempts.save({ state, codeVerifier, returnTo: input.returnTo ?? null, expiresAt });
    const authorizeUrl = this.github.authorizeUrl({
      state,
      codeChallenge: this.secrets.fingerprint(codeVerifier),
    });
    return { authorizeUrl, state, expiresAt };
  }
}


import type { Clock } from '../../shared/clock.port.js';
import type { SecretGenerator } from '../secrets/secret-generator.port.js';
import type { GitHubOAuth } from './github-oauth.port.js';
import type { OAuthStateStore } from './oauth-state-store.port.js';

/** No input: every start is a fresh attempt. */
export type StartGitHubLoginInput = Record<string, never>;

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
 * Starts a GitHub login: a fresh `state` and PKCE verifier are kept server-side, keyed by state,
 * and only the state and the verifier's S256 challenge leave in the authorize URL.
 */
export class StartGitHubLogin {
  constructor(
    private readonly github: GitHubOAuth,
    private readonly attempts: OAuthStateStore,
    private readonly secrets: SecretGenerator,
    private readonly clock: Clock,
    private readonly attemptTtlSeconds = DEFAULT_OAUTH_ATTEMPT_TTL_SECONDS,
  ) {}

  async execute(_input: StartGitHubLoginInput = {}): Promise<StartGitHubLoginResult> {
    const state = this.secrets.newSecret();
    const codeVerifier = this.secrets.newSecret();
    const expiresAt = new Date(this.clock.now().getTime() + this.attemptTtlSeconds * 1000);
    await this.attempts.save({ state, codeVerifier, expiresAt });
    const authorizeUrl = this.github.authorizeUrl({
      state,
      codeChallenge: this.secrets.fingerprint(codeVerifier),
    });
    return { authorizeUrl, state, expiresAt };
  }
}


import { UnauthorizedError, ValidationError } from '../../shared/errors.js';
import { participantSubject } from '../../challenge/participant/participant-login.js';
import type { RegisterProfile } from '../../challenge/profile/register-profile.use-case.js';
import type { SessionTokens } from '../sessions/session.js';
import type { SessionIssuer } from '../sessions/session-issuer.js';
import type { SessionStore } from '../sessions/session-store.port.js';
import type { Clock } from '../../shared/clock.port.js';
import type { SecretGenerator } from '../secrets/secret-generator.port.js';
import type { SignInCodeStore } from './sign-in-code-store.port.js';
import type { GitHubOAuth } from './github-oauth.port.js';
import type { OAuthStateStore } from './oauth-state-store.port.js';

export interface CompleteGitHubLoginInput {
  /** From the callback's query string. */
  readonly code: string;
  readonly state: string;
}

/** Without a return URL: the session, answered by the callback itself (JSON). */
export interface GitHubLoginSession extends SessionTokens {
  readonly kind: 'session';
  /** The participant's login as the profile keeps it (GitHub's current spelling). */
  readonly githubUsername: string;
  /** True on the participant's first login, when the profile was created. */
  readonly profileCreated: boolean;
}

/** With a return URL: where to send the browser, with a single-use code for POST /sessions/github. */
export interface GitHubLoginRedirect {
  readonly kind: 'redirect';
  readonly returnTo: string;
  /** Travels in the return URL's fragment (never sent to a server by the browser); valid 60 s, once. */
  readonly code: string;
  readonly expiresAt: Date;
}

export type CompleteGitHubLoginResult = GitHubLoginSession | GitHubLoginRedirect;

/** A code only has to survive one redirect and one request of the page. */
export const SIGN_IN_CODE_TTL_SECONDS = 60;

/**
 * Finishes a GitHub login (GET /auth/github/callback): the state must belong to a live attempt
 * started here, used once; the code is redeemed with that attempt's PKCE verifier; the GitHub user's
 * profile is found by GitHub's numeric id (created on first login, moved on a rename, see RegisterProfile);
 * sessions of retired logins end. Then either a session opens for `github:<login>` (no return URL), or,
 * when the attempt carries a return URL, a single-use code is stored (its fingerprint only) for the page
 * to exchange with `ExchangeSignInCode`, so no token ever travels in a URL.
 */
export class CompleteGitHubLogin {
  constructor(
    private readonly attempts: OAuthStateStore,
    private readonly github: GitHubOAuth,
    private readonly registerProfile: Pick<RegisterProfile, 'execute'>,
    private readonly sessions: Pick<SessionIssuer, 'open'>,
    private readonly sessionStore: Pick<SessionStore, 'revokeAllOf'>,
    private readonly codes: SignInCodeStore,
    private readonly secrets: SecretGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(input: CompleteGitHubLoginInput): Promise<CompleteGitHubLoginResult> {
    // Checked before the state is consumed: bad input changes nothing.
    if (input.code.length === 0) throw new ValidationError('code', 'is required');
    const attempt = input.state.length === 0 ? null : await this.attempts.take(input.state);
    if (attempt === null) throw new UnauthorizedError('unknown or expired login attempt');
    const accessToken = await this.github.exchangeCode({ code: input.code, codeVerifier: attempt.codeVerifier });
    const user = await this.github.fetchUser(accessToken);
    const { profile, created } = await this.registerProfile.execute({
      githubUsername: user.login,
      githubId: user.id,
      avatarUrl: user.avatarUrl,
      fullName: user.name,
      bio: user.bio,
      twitterUsername: user.twitterUsername,
      // A session names its participant by login: one opened under a login that now leads elsewhere (our
      // own name before a GitHub rename, or the former holder of a reused name) must not act on it. Ended
      // before the newcomer's profile exists under that name.
      onLoginRetired: async (login) => {
        await this.sessionStore.revokeAllOf(participantSubject(login));
      },
    });
    if (attempt.returnTo !== null) {
      const code = this.secrets.newSecret();
      const expiresAt = new Date(this.clock.now().getTime() + SIGN_IN_CODE_TTL_SECONDS * 1000);
      const codeFingerprint = this.secrets.fingerprint(code);
      await this.codes.save({ codeFingerprint, githubUsername: profile.githubUsername, profileCreated: created, expiresAt });
      return { kind: 'redirect', returnTo: attempt.returnTo, code, expiresAt };
    }
    // The profile's spelling, not this login's: one participant keeps one subject across logins.
    const tokens = await this.sessions.open(participantSubject(profile.githubUsername));
    return { kind: 'session', ...tokens, githubUsername: profile.githubUsername, profileCreated: created };
  }
}

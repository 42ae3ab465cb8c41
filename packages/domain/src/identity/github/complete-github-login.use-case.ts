import { UnauthorizedError, ValidationError } from '../../shared/errors.js';
import { participantSubject } from '../../challenge/participant/participant-login.js';
import type { RegisterProfile } from '../../challenge/profile/register-profile.use-case.js';
import type { SessionTokens } from '../sessions/session.js';
import type { SessionIssuer } from '../sessions/session-issuer.js';
import type { SessionStore } from '../sessions/session-store.port.js';
import type { GitHubOAuth } from './github-oauth.port.js';
import type { OAuthStateStore } from './oauth-state-store.port.js';

export interface CompleteGitHubLoginInput {
  /** From the callback's query string. */
  readonly code: string;
  readonly state: string;
}

export interface CompleteGitHubLoginResult extends SessionTokens {
  /** The participant's login as the profile keeps it (GitHub's casing at registration). */
  readonly githubUsername: string;
  /** True on the participant's first login, when the profile was created. */
  readonly profileCreated: boolean;
}

/**
 * Finishes a GitHub login (GET /auth/github/callback): the state must belong to a live attempt
 * started here, used once; the code is redeemed with that attempt's PKCE verifier; the GitHub user's
 * profile is found by GitHub's numeric id (created on first login, moved on a rename, see RegisterProfile);
 * sessions of retired logins end; a session opens for `github:<login>`.
 */
export class CompleteGitHubLogin {
  constructor(
    private readonly attempts: OAuthStateStore,
    private readonly github: GitHubOAuth,
    private readonly registerProfile: Pick<RegisterProfile, 'execute'>,
    private readonly sessions: Pick<SessionIssuer, 'open'>,
    private readonly sessionStore: Pick<SessionStore, 'revokeAllOf'>,
  ) {}

  async execute(input: CompleteGitHubLoginInput): Promise<CompleteGitHubLoginResult> {
    // Checked before the state is consumed: bad input changes nothing.
    if (input.code.length === 0) throw new ValidationError('code', 'is required');
    const attempt = input.state.length === 0 ? null : await this.attempts.take(input.state);
    if (attempt === null) throw new UnauthorizedError('unknown or expired login attempt');
    const accessToken = await this.github.exchangeCode({ code: input.code, codeVerifier: attempt.codeVerifier });
    const user = await this.github.fetchUser(accessToken);
    const { profile, created, retiredLogins } = await this.registerProfile.execute({
      githubUsername: user.login,
      githubId: user.id,
      avatarUrl: user.avatarUrl,
      fullName: user.name,
      bio: user.bio,
      twitterUsername: user.twitterUsername,
    });
    // A session names its participant by login: one opened under a login that now leads elsewhere (our
    // own name before a GitHub rename, or the former holder of a reused name) must not act on it.
    for (const login of retiredLogins) await this.sessionStore.revokeAllOf(participantSubject(login));
    // The profile's spelling, not this login's: one participant keeps one subject across logins.
    const tokens = await this.sessions.open(participantSubject(profile.githubUsername));
    return { ...tokens, githubUsername: profile.githubUsername, profileCreated: created };
  }
}


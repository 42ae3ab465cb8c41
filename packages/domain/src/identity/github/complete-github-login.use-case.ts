import { UnauthorizedError, ValidationError } from '../../shared/errors.js';
import { participantSubject } from '../../challenge/participant/participant-login.js';
import type { RegisterProfile } from '../../challenge/profile/register-profile.use-case.js';
import type { SessionTokens } from '../sessions/session.js';
import type { SessionIssuer } from '../sessions/session-issuer.js';
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
 * started here, used once; the code is redeemed with that attempt's PKCE verifier; the GitHub user
 * gets a profile on first login; a session opens for `github:<login>`.
 */
export class CompleteGitHubLogin {
  constructor(
    private readonly attempts: OAuthStateStore,
    private readonly github: GitHubOAuth,
    private readonly registerProfile: Pick<RegisterProfile, 'execute'>,
    private readonly sessions: Pick<SessionIssuer, 'open'>,
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
      fullName: user.name,
      bio: user.bio,
      twitterUsername: user.twitterUsername,
    });
    // The profile's spelling, not this login's: one participant keeps one subject across logins.
    const tokens = await this.sessions.open(participantSubject(profile.githubUsername));
    return { ...tokens, githubUsername: profile.githubUsername, profileCreated: created };
  }
}


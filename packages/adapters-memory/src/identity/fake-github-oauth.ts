import { createHash } from 'node:crypto';
import {
  UnauthorizedError,
  type GitHubAuthorizeRequest,
  type GitHubCodeGrant,
  type GitHubOAuth,
  type GitHubUser,
} from '@hdoc/domain';

interface Grant {
  readonly codeChallenge: string;
  readonly user: GitHubUser;
}

/**
 * GitHub's OAuth flow played in memory for tests and the local run. Like GitHub, it binds each code
 * to the PKCE challenge of its authorize request and redeems a code once, and only with the
 * matching verifier. `approve` stands for the user clicking "Authorize" on GitHub.
 */
export class FakeGitHubOAuth implements GitHubOAuth {
  private readonly challengeByState = new Map<string, string>();
  private readonly grantByCode = new Map<string, Grant>();
  private readonly userByToken = new Map<string, GitHubUser>();
  private issued = 0;

  constructor(private readonly baseUrl = 'https://github.invalid') {}

  authorizeUrl(request: GitHubAuthorizeRequest): string {
    this.challengeByState.set(request.state, request.codeChallenge);
    const url = new URL('/login/oauth/authorize', this.baseUrl);
    url.searchParams.set('state', request.state);
    url.searchParams.set('code_challenge', request.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
    return url.toString();
  }

  /** The user approves the authorize request with this state: returns the code for the callback. */
  approve(state: string, user: GitHubUser): string {
    const codeChallenge = this.challengeByState.get(state);
    if (codeChallenge === undefined) throw new Error(`no authorize request with state ${state}`);
    const code = `fake-code-${++this.issued}`;
    this.grantByCode.set(code, { codeChallenge, user: { ...user } });
    return code;
  }

  async exchangeCode(grant: GitHubCodeGrant): Promise<string> {
    const pending = this.grantByCode.get(grant.code);
    this.grantByCode.delete(grant.code);
    if (pending === undefined || s256(grant.codeVerifier) !== pending.codeChallenge) {
      throw new UnauthorizedError('GitHub refused the authorization code');
    }
    const accessToken = `fake-token-${++this.issued}`;
    this.userByToken.set(accessToken, pending.user);
    return accessToken;
  }

  async fetchUser(accessToken: string): Promise<GitHubUser> {
    const user = this.userByToken.get(accessToken);
    if (user === undefined) throw new UnauthorizedError('GitHub refused the access token');
    return { ...user };
  }
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'utf8').digest('base64url');
}

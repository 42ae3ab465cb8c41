import type { GitHubAuthorizeRequest, GitHubOAuth, GitHubUser } from '@hdoc/domain';
import { UpstreamUnavailableError } from './http-github-oauth.js';

const MESSAGE = 'GitHub sign-in is not configured (GITHUB_CLIENT_ID is unset)';

/**
 * The GitHubOAuth of a deployment without a GitHub OAuth app: every call fails as an unavailable
 * dependency (HTTP 503), so the rest of the API runs while GitHub sign-in says clearly why it does not.
 */
export class UnconfiguredGitHubOAuth implements GitHubOAuth {
  authorizeUrl(_request: GitHubAuthorizeRequest): string {
    throw new UpstreamUnavailableError(MESSAGE);
  }

  async exchangeCode(): Promise<string> {
    throw new UpstreamUnavailableError(MESSAGE);
  }

  async fetchUser(): Promise<GitHubUser> {
    throw new UpstreamUnavailableError(MESSAGE);
  }
}

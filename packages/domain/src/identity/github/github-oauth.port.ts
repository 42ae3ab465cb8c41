import { token } from '../../shared/token.js';

/** The GitHub account behind a login, as GitHub returns it. */
export interface GitHubUser {
  /** GitHub's numeric user id: stable across renames, never reused, so sign-in matches on it. */
  readonly id: number;
  /** The GitHub username, in the case GitHub spells it; it may change (renames) and be reused. */
  readonly login: string;
  readonly name: string | null;
  readonly bio: string | null;
  readonly twitterUsername: string | null;
  /** The account's avatar image URL, as GitHub returns it. */
  readonly avatarUrl: string | null;
}

/** What the authorize redirect carries. */
export interface GitHubAuthorizeRequest {
  readonly state: string;
  /** The PKCE S256 challenge of the verifier kept server-side. */
  readonly codeChallenge: string;
}

/** The callback's code and the PKCE verifier it must be redeemed with. */
export interface GitHubCodeGrant {
  readonly code: string;
  readonly codeVerifier: string;
}

/**
 * GitHub's OAuth web flow with PKCE (S256). The client id, secret, redirect URI and GitHub's base
 * URLs are the adapter's configuration.
 */
export interface GitHubOAuth {
  /** The URL to send the browser to. */
  authorizeUrl(request: GitHubAuthorizeRequest): string;
  /**
   * Redeems the code for a GitHub access token; `UnauthorizedError` when GitHub refuses the code
   * (unknown, used, expired, or the verifier does not match). Outages are thrown as they are.
   */
  exchangeCode(grant: GitHubCodeGrant): Promise<string>;
  /** The account the GitHub access token belongs to; `UnauthorizedError` when GitHub refuses it. */
  fetchUser(accessToken: string): Promise<GitHubUser>;
}

export const GitHubOAuthToken = token<GitHubOAuth>('GitHubOAuth');

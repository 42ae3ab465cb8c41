import { resolveLocalBaseUrl, type LocalBaseUrl } from '@hdoc/adapters-memory';
import type { HttpGitHubOAuthOptions } from '@hdoc/adapters-node';
import { DEV_SIGN_IN_PATH, type DevelopmentGitHub } from '../routes/dev-sign-in/index.js';
import type { HttpConfig } from './config.js';

/**
 * The GitHub OAuth app the real adapter talks to: the configured one; else the development stand-in
 * served by this same server (local runs only); else none (GitHub sign-in answers 503).
 */
export function githubOptions(
  config: Pick<HttpConfig, 'github'>,
  baseUrl: LocalBaseUrl,
  developmentGitHub: DevelopmentGitHub | undefined,
): HttpGitHubOAuthOptions | null {
  const base = (): string => resolveLocalBaseUrl(baseUrl);
  const redirectUri = (): string => `${base()}/auth/github/callback`;
  const { clientId } = config.github;
  if (clientId !== undefined) {
    const { clientSecret, webBaseUrl, apiBaseUrl } = config.github;
    return { clientId, clientSecret, webBaseUrl, apiBaseUrl, redirectUri };
  }
  if (developmentGitHub === undefined) return null;
  return {
    clientId: developmentGitHub.clientId,
    clientSecret: developmentGitHub.clientSecret,
    webBaseUrl: () => `${base()}${DEV_SIGN_IN_PATH}`,
    apiBaseUrl: () => `${base()}${DEV_SIGN_IN_PATH}/api`,
    redirectUri,
  };
}

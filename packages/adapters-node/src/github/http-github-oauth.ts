import { UnauthorizedError, type GitHubAuthorizeRequest, type GitHubCodeGrant, type GitHubOAuth, type GitHubUser } from '@hdoc/domain';

/** The OAuth app's settings. Base URLs are configurable so tests run against a local fake GitHub. */
export interface HttpGitHubOAuthOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The callback URL registered with the OAuth app (GET /auth/github/callback); a function when the
   * server's address is known only once it listens. */
  readonly redirectUri: string | (() => string);
  /**
   * Authorize and token endpoints live here; default https://github.com. May carry a path (the
   * endpoints are appended to it), and be a function when the server's address is known only once it listens.
   */
  readonly webBaseUrl?: string | (() => string);
  /** The REST API; default https://api.github.com. May carry a path, e.g. GitHub Enterprise's `/api/v3`. */
  readonly apiBaseUrl?: string | (() => string);
  /** Scopes to ask for; none by default, as the public profile needs none. */
  readonly scope?: string;
  /** Per request; default 10 s. */
  readonly timeoutMs?: number;
}

/** Token endpoint errors that mean "this code is no good", as opposed to our own misconfiguration. */
const REFUSED_GRANT_ERRORS = new Set(['bad_verification_code', 'invalid_grant', 'access_denied']);

interface TokenResponse {
  readonly access_token?: unknown;
  readonly error?: unknown;
  readonly error_description?: unknown;
}

interface UserResponse {
  readonly id?: unknown;
  readonly login?: unknown;
  readonly avatar_url?: unknown;
  readonly name?: unknown;
  readonly bio?: unknown;
  readonly twitter_username?: unknown;
}

/**
 * GitHub's OAuth web flow with PKCE over `fetch`: the authorize URL, the code exchange at
 * /login/oauth/access_token, and GET /user on the REST API. A refused code or token becomes
 * `UnauthorizedError`; anything else (outage, misconfiguration, odd answers) is thrown as an Error.
 */
export class HttpGitHubOAuth implements GitHubOAuth {
  private readonly webBaseUrl: string | (() => string);
  private readonly apiBaseUrl: string | (() => string);
  private readonly timeoutMs: number;

  constructor(private readonly options: HttpGitHubOAuthOptions) {
    this.webBaseUrl = options.webBaseUrl ?? 'https://github.com';
    this.apiBaseUrl = options.apiBaseUrl ?? 'https://api.github.com';
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  authorizeUrl(request: GitHubAuthorizeRequest): string {
    const url = endpoint(this.webBaseUrl, '/login/oauth/authorize');
    url.searchParams.set('client_id', this.options.clientId);
    url.searchParams.set('redirect_uri', this.redirectUri());
    url.searchParams.set('state', request.state);
    url.searchParams.set('code_challenge', request.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
    if (this.options.scope) url.searchParams.set('scope', this.options.scope);
    return url.toString();
  }

  async exchangeCode(grant: GitHubCodeGrant): Promise<string> {
    const response = await fetch(endpoint(this.webBaseUrl, '/login/oauth/access_token'), {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: this.options.clientId,
        client_secret: this.options.clientSecret,
        code: grant.code,
        redirect_uri: this.redirectUri(),
        code_verifier: grant.codeVerifier,
      }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const body = (await readJson(response, 'token exchange')) as TokenResponse;
    if (typeof body.access_token === 'string' && body.access_token.length > 0) return body.access_token;
    if (typeof body.error === 'string' && REFUSED_GRANT_ERRORS.has(body.error)) {
      throw new UnauthorizedError('GitHub refused the authorization code');
    }
    throw new Error(`GitHub token exchange failed: ${String(body.error ?? 'no access_token')}`);
  }

  async fetchUser(accessToken: string): Promise<GitHubUser> {
    const response = await fetch(endpoint(this.apiBaseUrl, '/user'), {
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${accessToken}`,
        'user-agent': 'hdoc',
        'x-github-api-version': '2022-11-28',
      },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (response.status === 401) throw new UnauthorizedError('GitHub refused the access token');
    const body = (await readJson(response, 'user lookup')) as UserResponse;
    if (typeof body.login !== 'string' || body.login.length === 0) throw new Error('GitHub user has no login');
    if (typeof body.id !== 'number' || !Number.isSafeInteger(body.id) || body.id < 1) throw new Error('GitHub user has no numeric id');
    return {
      id: body.id,
      login: body.login,
      name: optionalString(body.name),
      bio: optionalString(body.bio),
      twitterUsername: optionalString(body.twitter_username),
      avatarUrl: optionalString(body.avatar_url),
    };
  }

  private redirectUri(): string {
    const { redirectUri } = this.options;
    return typeof redirectUri === 'function' ? redirectUri() : redirectUri;
  }
}

/** `path` appended to the base URL's own path (not replacing it, as `new URL('/x', base)` would). */
function endpoint(base: string | (() => string), path: string): URL {
  const text = typeof base === 'function' ? base() : base;
  return new URL(`${text.replace(/\/+$/, '')}${path}`);
}

/** GitHub is down or throttling us: an outage of a dependency (HTTP 503 at the edge), not a bug. */
export class UpstreamUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpstreamUnavailableError';
  }
}

async function readJson(response: Response, what: string): Promise<unknown> {
  if (response.status >= 500 || response.status === 429) {
    throw new UpstreamUnavailableError(`GitHub ${what} answered HTTP ${response.status}`);
  }
  if (!response.ok) throw new Error(`GitHub ${what} answered HTTP ${response.status}`);
  // A 2xx that is not a JSON object (an HTML maintenance or proxy page, an empty body) is GitHub or the
  // path to it misbehaving for a while, not a bug of ours: the sign-in may be retried later (HTTP 503).
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new UpstreamUnavailableError(`GitHub ${what} answered HTTP ${response.status} without JSON`);
  }
  if (typeof body !== 'object' || body === null) {
    throw new UpstreamUnavailableError(`GitHub ${what} answered HTTP ${response.status} without a JSON object`);
  }
  return body;
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseGithubUsername } from '@hdoc/domain';

/** Where the stand-in is mounted; its API (GET /user) lives under `<base>/api`. */
export const DEV_SIGN_IN_PATH = '/dev/github';

/** A code or token lives this long, like GitHub's codes. */
const TTL_MS = 10 * 60 * 1000;

interface Grant {
  readonly login: string;
  readonly challenge: string;
  readonly redirectUri: string;
  readonly expiresAt: number;
}

interface Issued {
  readonly login: string;
  readonly expiresAt: number;
}

/** What the token endpoint answers, in GitHub's shape (errors are 200 + `error`). */
export type TokenAnswer = { access_token: string; token_type: 'bearer'; scope: '' } | { error: string; error_description: string };

/**
 * The development sign-in's numeric "GitHub id": stable per username (case-insensitively), so signing
 * in again as the same name finds the same profile, across restarts. 48 bits of SHA-256 of the name.
 */
export function developmentGitHubId(login: string): number {
  return createHash('sha256').update(`hdoc-dev-sign-in:${login.toLowerCase()}`).digest().readUIntBE(0, 6) + 1;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A GitHub stand-in for local runs without a GitHub OAuth app: whoever uses the authorize page picks a
 * username and is that user. It speaks GitHub's OAuth wire format (client credentials, redirect URI,
 * PKCE S256, single-use codes, bearer tokens), so the real HttpGitHubOAuth adapter talks to it
 * unchanged. State, PKCE and code exchange are checked exactly as with GitHub.
 */
export class DevelopmentGitHub {
  readonly clientId = 'hdoc-development-sign-in';
  /** Per process: only this server's own adapter can redeem codes. */
  readonly clientSecret = randomBytes(32).toString('base64url');
  private readonly codes = new Map<string, Grant>();
  private readonly tokens = new Map<string, Issued>();

  /** @param callbackUrl the API's GitHub callback, the only redirect URI accepted */
  constructor(
    readonly callbackUrl: () => string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether an authorize request comes from this server's own sign-in: our client id and callback, S256. */
  isOwnAuthorizeRequest(query: { clientId: string; redirectUri: string; challengeMethod: string; challenge: string }): boolean {
    return (
      query.clientId === this.clientId &&
      query.redirectUri === this.callbackUrl() &&
      query.challengeMethod === 'S256' &&
      /^[A-Za-z0-9_-]{43}$/.test(query.challenge)
    );
  }

  /** The user picked `login` on the authorize page: a code for the callback (throws ValidationError on a bad name). */
  approve(login: string, challenge: string, redirectUri: string): string {
    const valid = parseGithubUsername(login, 'login');
    this.sweep();
    const code = randomBytes(20).toString('hex');
    this.codes.set(code, { login: valid, challenge, redirectUri, expiresAt: this.now() + TTL_MS });
    return code;
  }

  /** The token endpoint: a code redeemed once, by our client, with its redirect URI and PKCE verifier. */
  redeem(form: URLSearchParams): TokenAnswer {
    if (form.get('client_id') !== this.clientId || !sameText(form.get('client_secret') ?? '', this.clientSecret)) {
      return { error: 'incorrect_client_credentials', error_description: 'The client_id and/or client_secret passed are incorrect.' };
    }
    const code = form.get('code') ?? '';
    const grant = this.codes.get(code);
    this.codes.delete(code);
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (grant === undefined || grant.expiresAt <= this.now() || grant.challenge !== challenge || grant.redirectUri !== form.get('redirect_uri')) {
      return { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' };
    }
    const token = `gho_dev_${randomBytes(24).toString('hex')}`;
    this.tokens.set(token, { login: grant.login, expiresAt: this.now() + TTL_MS });
    return { access_token: token, token_type: 'bearer', scope: '' };
  }

  /** GET /user: the account behind a bearer token, or null (401). */
  user(authorization: string | undefined): Record<string, unknown> | null {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    const issued = token === undefined ? undefined : this.tokens.get(token);
    if (issued === undefined || issued.expiresAt <= this.now()) return null;
    return {
      id: developmentGitHubId(issued.login),
      login: issued.login,
      type: 'User',
      name: null,
      bio: 'Development sign-in (not a GitHub account)',
      twitter_username: null,
      avatar_url: null,
    };
  }

  private sweep(): void {
    const now = this.now();
    for (const [code, grant] of this.codes) if (grant.expiresAt <= now) this.codes.delete(code);
    for (const [token, issued] of this.tokens) if (issued.expiresAt <= now) this.tokens.delete(token);
  }
}

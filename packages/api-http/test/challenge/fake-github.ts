import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A GitHub account as GET /user returns it. */
export interface FakeGitHubUser {
  readonly login: string;
  readonly name?: string | null;
  readonly bio?: string | null;
  readonly twitter_username?: string | null;
}

/**
 * A local github.com + api.github.com for the black-box tests, speaking their wire format so the real
 * HttpGitHubOAuth adapter runs: the authorize page (whoever is `signedIn` approves at once and is sent
 * back to `redirect_uri` with a code and the state, or `?error=access_denied` when `deny` is set), the
 * token endpoint (client credentials, redirect URI, single-use codes, PKCE S256), and GET /user.
 */
export class FakeGitHub {
  readonly clientId = 'fake-client';
  readonly clientSecret = 'fake-secret';
  /** The account that approves the next authorize request. */
  signedIn: FakeGitHubUser = { login: 'octocat' };
  /** Whether the user refuses on the authorize page. */
  deny = false;
  /** Every code issued, to prove none reaches the logs. */
  readonly issuedCodes: string[] = [];
  private readonly codes = new Map<string, { challenge: string; redirectUri: string; user: FakeGitHubUser }>();
  private readonly tokens = new Map<string, FakeGitHubUser>();
  private issued = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeGitHub> {
    const fake: FakeGitHub = new FakeGitHub(createServer((req, res) => void fake.handle(req, res)));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const url = new URL(req.url ?? '/', this.baseUrl);
    if (req.method === 'GET' && url.pathname === '/login/oauth/authorize') return this.authorize(url.searchParams, res);
    if (req.method === 'POST' && url.pathname === '/login/oauth/access_token') return this.token(new URLSearchParams(body), res);
    if (req.method === 'GET' && url.pathname === '/user') return this.user(req, res);
    this.json(res, 404, { message: 'Not Found' });
  }

  private authorize(query: URLSearchParams, res: ServerResponse): void {
    const redirectUri = query.get('redirect_uri') ?? '';
    const challenge = query.get('code_challenge') ?? '';
    if (query.get('client_id') !== this.clientId || query.get('code_challenge_method') !== 'S256' || challenge === '') {
      return this.json(res, 400, { message: 'bad authorize request' });
    }
    const back = new URL(redirectUri);
    if (this.deny) {
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'The user has denied your application access.');
    } else {
      const code = `code${++this.issued}x${randomBytes(8).toString('hex')}`;
      this.issuedCodes.push(code);
      this.codes.set(code, { challenge, redirectUri, user: this.signedIn });
      back.searchParams.set('code', code);
    }
    back.searchParams.set('state', query.get('state') ?? '');
    res.writeHead(302, { location: back.toString() }).end();
  }

  private token(form: URLSearchParams, res: ServerResponse): void {
    if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) {
      return this.json(res, 200, { error: 'incorrect_client_credentials' });
    }
    const code = form.get('code') ?? '';
    const grant = this.codes.get(code);
    this.codes.delete(code);
    const challenge = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
    if (grant === undefined || grant.challenge !== challenge || grant.redirectUri !== form.get('redirect_uri')) {
      return this.json(res, 200, { error: 'bad_verification_code' });
    }
    const token = `gho_${++this.issued}`;
    this.tokens.set(token, grant.user);
    this.json(res, 200, { access_token: token, token_type: 'bearer', scope: '' });
  }

  private user(req: IncomingMessage, res: ServerResponse): void {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const user = token === undefined ? undefined : this.tokens.get(token);
    if (user === undefined) return this.json(res, 401, { message: 'Bad credentials' });
    this.json(res, 200, { id: 1, type: 'User', name: null, bio: null, twitter_username: null, ...user });
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  }
}

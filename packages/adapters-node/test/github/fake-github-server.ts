import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The GitHub user JSON the fake serves (REST API field names). */
export interface FakeGitHubUserJson {
  login: string;
  name?: string | null;
  bio?: string | null;
  twitter_username?: string | null;
}

/**
 * A local stand-in for github.com and api.github.com, speaking their wire format: the OAuth token
 * endpoint (form body in, JSON out, errors as 200 + `error`), PKCE S256, single-use codes, and
 * GET /user behind a bearer token.
 */
export class FakeGitHubServer {
  readonly clientId = 'fake-client-id';
  readonly clientSecret = 'fake-client-secret';
  readonly redirectUri = 'http://127.0.0.1/auth/github/callback';
  /** Forces every answer to this HTTP status (to play an outage), or `hang` to never answer. */
  failure: number | 'hang' | null = null;
  readonly requests: { method: string; path: string; headers: IncomingMessage['headers']; body: string }[] = [];
  private readonly codes = new Map<string, { challenge: string; user: FakeGitHubUserJson }>();
  private readonly tokens = new Map<string, FakeGitHubUserJson>();
  private issued = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeGitHubServer> {
    const fake: FakeGitHubServer = new FakeGitHubServer(createServer((req, res) => void fake.handle(req, res)));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The user approves on GitHub: a code bound to the authorize request's PKCE challenge. */
  approve(codeChallenge: string, user: FakeGitHubUserJson): string {
    const code = `code-${++this.issued}`;
    this.codes.set(code, { challenge: codeChallenge, user });
    return code;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const path = new URL(req.url ?? '/', this.baseUrl).pathname;
    this.requests.push({ method: req.method ?? '', path, headers: req.headers, body });
    if (this.failure === 'hang') return;
    if (this.failure !== null) return this.json(res, this.failure, { message: 'Server Error' });
    if (req.method === 'POST' && path === '/login/oauth/access_token') return this.token(res, new URLSearchParams(body));
    if (req.method === 'GET' && path === '/user') return this.user(req, res);
    this.json(res, 404, { message: 'Not Found' });
  }

  private token(res: ServerResponse, form: URLSearchParams): void {
    if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) {
      return this.json(res, 200, { error: 'incorrect_client_credentials' });
    }
    if (form.get('redirect_uri') !== this.redirectUri) return this.json(res, 200, { error: 'redirect_uri_mismatch' });
    const code = form.get('code') ?? '';
    const grant = this.codes.get(code);
    this.codes.delete(code);
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (grant === undefined || grant.challenge !== challenge) {
      return this.json(res, 200, { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' });
    }
    const token = `gho_fake${++this.issued}`;
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

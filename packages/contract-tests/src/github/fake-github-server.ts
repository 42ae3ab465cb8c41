import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer } from '../shared/loopback-server.js';
import { ScriptedAnswers } from '../shared/scripted-answers.js';

/** A GitHub account as GET /user returns it (REST API field names). */
export interface FakeGitHubUser {
  /** GitHub's numeric id; by default derived from the login (case-insensitively), see {@link fakeGitHubId}. */
  readonly id?: number;
  readonly login: string;
  readonly avatar_url?: string | null;
  readonly name?: string | null;
  readonly bio?: string | null;
  readonly twitter_username?: string | null;
}

/** A raw answer played instead of the normal one, e.g. an HTML maintenance page or an empty body. */
export interface FakeGitHubRawAnswer {
  /** Only requests to this path get it (e.g. `/user`); every path when absent. */
  readonly path?: string;
  readonly status: number;
  readonly contentType?: string;
  readonly body: string;
}

/** A stable id per login (case-insensitive), so one account signs in as the same person in every test. */
export function fakeGitHubId(login: string): number {
  return createHash('sha256').update(login.toLowerCase()).digest().readUIntBE(0, 6);
}

/** A repository the fake REST API knows: its commits (full SHAs) and file paths (on every ref). */
export interface FakeGitHubRepository {
  readonly owner: string;
  readonly name: string;
  readonly commits: readonly string[];
  readonly files: readonly string[];
}

/** A path segment as text; a malformed escape stays as it is (and finds nothing). */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

interface Grant {
  readonly challenge: string;
  readonly redirectUri: string;
  readonly user: FakeGitHubUser;
}

/**
 * A local github.com + api.github.com speaking their wire format, so the real HttpGitHubOAuth adapter
 * runs in tests: the authorize page (whoever is `signedIn` approves at once and is sent back to
 * `redirect_uri` with a code and the state, or `?error=access_denied` when `deny` is set), the token
 * endpoint (form body in, JSON out, errors as 200 + `error`; client credentials, redirect URI, PKCE
 * S256, single-use codes) and GET /user behind a bearer token; and, for the entry verifier, the REST API's
 * GET /repos/{owner}/{repo}, /commits/{sha} (a unique prefix matches, as on GitHub) and /contents/{path}
 * on the repositories a test adds, case-insensitively, 404 for anything else. `scripted` answers play first.
 */
export class FakeGitHubServer {
  readonly clientId = 'fake-client-id';
  readonly clientSecret = 'fake-client-secret';
  /** The redirect URI of codes issued by `approve` (the authorize page uses the request's). */
  readonly redirectUri = 'http://127.0.0.1/auth/github/callback';
  /** The account that approves the next authorize request. */
  signedIn: FakeGitHubUser = { login: 'octocat' };
  /** Whether the user refuses on the authorize page. */
  deny = false;
  /** Forces every answer to this HTTP status (to play an outage), or `hang` to never answer. */
  failure: number | 'hang' | null = null;
  /** Plays this answer (on its path) instead of the real one: GitHub answering non-JSON. */
  rawAnswer: FakeGitHubRawAnswer | null = null;
  /** Answers played before the normal ones, one per request (outages, rate limits, hangs). */
  readonly scripted = new ScriptedAnswers();
  /** Every request received. */
  readonly requests: { method: string; path: string; headers: IncomingMessage['headers']; body: string }[] = [];
  /** Every code issued, e.g. to prove none reaches the logs. */
  readonly issuedCodes: string[] = [];
  private readonly codes = new Map<string, Grant>();
  private readonly tokens = new Map<string, FakeGitHubUser>();
  private readonly repositories = new Map<string, FakeGitHubRepository>();
  private issued = 0;
  private server: LoopbackServer | null = null;

  static async start(): Promise<FakeGitHubServer> {
    const fake = new FakeGitHubServer();
    fake.server = await LoopbackServer.start((req, res) => void fake.handle(req, res));
    return fake;
  }

  get baseUrl(): string {
    if (this.server === null) throw new Error('FakeGitHubServer is not started');
    return this.server.baseUrl;
  }

  /** Adds (or replaces) a repository of the REST API. */
  addRepository(owner: string, name: string, content: { commits?: readonly string[]; files?: readonly string[] } = {}): void {
    this.repositories.set(`${owner}/${name}`.toLowerCase(), { owner, name, commits: content.commits ?? [], files: content.files ?? [] });
  }

  /** Removes a repository (deleted, or made private). */
  removeRepository(owner: string, name: string): void {
    this.repositories.delete(`${owner}/${name}`.toLowerCase());
  }

  /** The user approves without going through the authorize page: a code bound to a PKCE challenge. */
  approve(codeChallenge: string, user: FakeGitHubUser, redirectUri = this.redirectUri): string {
    return this.issueCode({ challenge: codeChallenge, redirectUri, user });
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }

  private issueCode(grant: Grant): string {
    const code = `code${++this.issued}x${randomBytes(8).toString('hex')}`;
    this.issuedCodes.push(code);
    this.codes.set(code, grant);
    return code;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const url = new URL(req.url ?? '/', this.baseUrl);
    this.requests.push({ method: req.method ?? '', path: url.pathname, headers: req.headers, body });
    if (this.scripted.play(res)) return;
    if (this.failure === 'hang') return;
    if (this.failure !== null) return this.json(res, this.failure, { message: 'Server Error' });
    const raw = this.rawAnswer;
    if (raw !== null && (raw.path === undefined || raw.path === url.pathname)) {
      res.writeHead(raw.status, raw.contentType === undefined ? {} : { 'content-type': raw.contentType }).end(raw.body);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/login/oauth/authorize') return this.authorize(url.searchParams, res);
    if (req.method === 'POST' && url.pathname === '/login/oauth/access_token') return this.token(new URLSearchParams(body), res);
    if (req.method === 'GET' && url.pathname === '/user') return this.user(req, res);
    if (req.method === 'GET' && url.pathname.startsWith('/repos/')) return this.repositoryApi(url, res);
    this.json(res, 404, { message: 'Not Found' });
  }

  private repositoryApi(url: URL, res: ServerResponse): void {
    const [owner = '', name = '', kind, ...rest] = url.pathname.slice('/repos/'.length).split('/').map(decodedSegment);
    const repository = this.repositories.get(`${owner}/${name}`.toLowerCase());
    const notFound = () => this.json(res, 404, { message: 'Not Found' });
    if (repository === undefined) return notFound();
    if (kind === undefined) {
      return this.json(res, 200, { name: repository.name, full_name: `${repository.owner}/${repository.name}`, owner: { login: repository.owner } });
    }
    if (kind === 'commits' && rest.length === 1) {
      const sha = repository.commits.find((commit) => commit.startsWith((rest[0] ?? '').toLowerCase()));
      return sha === undefined ? this.json(res, 422, { message: 'No commit found for SHA' }) : this.json(res, 200, { sha });
    }
    if (kind === 'contents') {
      const path = rest.join('/');
      const found = path === '' || repository.files.some((file) => file === path || file.startsWith(`${path}/`));
      return found ? this.json(res, 200, { path, type: repository.files.includes(path) ? 'file' : 'dir' }) : notFound();
    }
    notFound();
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
      back.searchParams.set('code', this.issueCode({ challenge, redirectUri, user: this.signedIn }));
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
    if (grant !== undefined && grant.redirectUri !== form.get('redirect_uri')) {
      return this.json(res, 200, { error: 'redirect_uri_mismatch' });
    }
    const challenge = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
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
    this.json(res, 200, { id: fakeGitHubId(user.login), type: 'User', name: null, bio: null, twitter_username: null, avatar_url: null, ...user });
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  }
}

import {
  checkEntryUrlShape,
  scoreVerificationChecks,
  VERIFICATION_CHECK_POINTS,
  verificationCheck,
  type Clock,
  type EntryVerification,
  type EntryVerificationRequest,
  type EntryVerifier,
  type VerificationCheckResult,
} from '@hdoc/domain';
import { githubEntryTarget, type GitHubContent, type GitHubEntryTarget } from './github-entry-url.js';
import { VerifierHttpClient, type VerifierHttpSettings } from './verifier-http-client.js';

/** Where and how {@link GitHubRestEntryVerifier} reaches GitHub. */
export interface GitHubRestEntryVerifierOptions extends VerifierHttpSettings {
  /** The REST API; default https://api.github.com. May carry a path (GitHub Enterprise's `/api/v3`). */
  readonly apiBaseUrl?: string;
  /** A token raises the rate limit from 60 to 5,000 requests an hour and sees what it may read; never logged. */
  readonly token?: string;
  readonly clock: Clock;
}

const POINTS = VERIFICATION_CHECK_POINTS.github;
const check = verificationCheck;
const sameLogin = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A url segment as text; one with a stray `%` is taken literally, as GitHub itself would fail to find it. */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * GitHub entries, on the REST API: the url's shape (the participant's own account), then
 * GET /repos/{owner}/{repo} (it exists, is readable, and, after a transfer, still belongs to the
 * participant), then the commit (GET /repos/{owner}/{repo}/commits/{sha}) or the file or folder
 * (GET /repos/{owner}/{repo}/contents/{path}?ref=) the url names. Scored with the domain's check points;
 * a private or missing repository is an answer (404), not an error.
 */
export class GitHubRestEntryVerifier implements EntryVerifier {
  private readonly http: VerifierHttpClient;
  private readonly apiBaseUrl: string;

  constructor(options: GitHubRestEntryVerifierOptions) {
    this.apiBaseUrl = (options.apiBaseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
    const headers: Record<string, string> = { accept: 'application/vnd.github+json', 'user-agent': 'hdoc', 'x-github-api-version': '2022-11-28' };
    if (options.token !== undefined && options.token !== '') headers.authorization = `Bearer ${options.token}`;
    this.http = new VerifierHttpClient('GitHub', headers, options.clock, options);
  }

  async verify({ entry, profile }: EntryVerificationRequest): Promise<EntryVerification> {
    const shape = checkEntryUrlShape(entry, profile);
    const target = shape.matches ? githubEntryTarget(new URL(entry.url)) : null;
    if (target === null) return scoreVerificationChecks([check(false, POINTS.url, shape.reason)]);
    const checks = [check(true, POINTS.url, shape.reason), await this.repositoryCheck(target, profile.githubUsername)];
    if (checks[1]?.passed === true) checks.push(await this.contentCheck(target, target.content));
    return scoreVerificationChecks(checks);
  }

  private async repositoryCheck({ owner, repository }: GitHubEntryTarget, participant: string): Promise<VerificationCheckResult> {
    const { status, body } = await this.http.getJson(this.endpoint(`/repos/${owner}/${repository}`));
    if (status !== 200) return check(false, POINTS.repository, 'repository not found (or private)');
    const ownerLogin = (body as { owner?: { login?: unknown } } | null)?.owner?.login;
    if (typeof ownerLogin === 'string' && !sameLogin(ownerLogin, participant)) {
      return check(false, POINTS.repository, `repository now belongs to ${ownerLogin}`);
    }
    return check(true, POINTS.repository, 'repository exists');
  }

  private async contentCheck({ owner, repository }: GitHubEntryTarget, content: GitHubContent | null): Promise<VerificationCheckResult> {
    if (content === null) return check(false, POINTS.content, 'the url names no commit or file');
    const base = `/repos/${owner}/${repository}`;
    if (content.kind === 'commit') {
      const { status } = await this.http.getJson(this.endpoint(`${base}/commits/${content.sha}`));
      return status === 200 ? check(true, POINTS.content, 'commit found') : check(false, POINTS.content, 'commit not found');
    }
    const url = this.endpoint(content.path === '' ? `${base}/contents` : `${base}/contents/${content.path}`);
    url.searchParams.set('ref', decodedSegment(content.ref));
    const { status } = await this.http.getJson(url);
    return status === 200 ? check(true, POINTS.content, 'file found') : check(false, POINTS.content, 'file not found');
  }

  private endpoint(path: string): URL {
    return new URL(`${this.apiBaseUrl}${path}`);
  }
}

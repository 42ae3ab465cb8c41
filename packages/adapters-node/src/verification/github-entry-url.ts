/** What a GitHub entry url points at, past its repository. */
export type GitHubContent =
  | { readonly kind: 'commit'; readonly sha: string }
  | { readonly kind: 'file'; readonly ref: string; readonly path: string };

/** The repository of a github.com url, and the commit or file it names (null: none, e.g. the repository page). */
export interface GitHubEntryTarget {
  readonly owner: string;
  readonly repository: string;
  readonly content: GitHubContent | null;
}

const SHA = /^[0-9a-f]{4,40}$/i;

/**
 * Reads `github.com/<owner>/<repository>[.git]`, then `/commit/<sha>` (also `/commits/<sha>`, and a
 * pull request's `/pull/<n>/commits/<sha>`) or `/blob|tree/<ref>/<path>` (a tree without a path is the
 * ref's root). A ref holding `/` cannot be told from its path, as on GitHub's own pages: the first
 * segment is taken as the ref. Segments stay percent-encoded, ready for the API's paths.
 */
export function githubEntryTarget(url: URL): GitHubEntryTarget | null {
  const [owner, rawRepository, kind, ...rest] = url.pathname.split('/').filter((segment) => segment.length > 0);
  if (owner === undefined || rawRepository === undefined) return null;
  const repository = rawRepository.replace(/\.git$/, '');
  return { owner, repository, content: contentOf(kind, rest) };
}

function contentOf(kind: string | undefined, rest: readonly string[]): GitHubContent | null {
  const [first, ...path] = rest;
  if (first === undefined) return null;
  if (kind === 'commit' || kind === 'commits') return SHA.test(first) ? { kind: 'commit', sha: first } : null;
  if (kind === 'pull' && rest[1] === 'commits' && rest[2] !== undefined && SHA.test(rest[2])) return { kind: 'commit', sha: rest[2] };
  if (kind === 'blob' || kind === 'tree') return { kind: 'file', ref: first, path: path.join('/') };
  return null;
}

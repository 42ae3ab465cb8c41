import { createHash, randomBytes } from 'node:crypto';
import { UnauthorizedError, type GitHubOAuth, type GitHubUser } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { withSubject, type Disposable } from '../shared/contract-subject.js';

export interface GitHubOAuthSubject extends Disposable {
  readonly github: GitHubOAuth;
  /** The user approves the authorize request behind `authorizeUrl` on GitHub: the callback's code. */
  approve(authorizeUrl: string, user: GitHubUser): Promise<string> | string;
}

/** A GitHub user as GitHub's API describes it (numeric id, avatar), for every GitHub sign-in test. */
export const octocat: GitHubUser = {
  id: 583231,
  login: 'Octo-Cat',
  name: 'The Octocat',
  bio: 'I like forks',
  twitterUsername: 'octo',
  avatarUrl: 'https://avatars.githubusercontent.com/u/583231?v=4',
};

/** A fresh PKCE pair: the verifier kept server-side and its S256 challenge. */
function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The GitHubOAuth port's documented behaviour, for every adapter (the fake and the real one). */
export function describeGitHubOAuthContract(adapterName: string, makeSubject: () => Promise<GitHubOAuthSubject>): void {
  const run = (body: (s: GitHubOAuthSubject) => Promise<void>) => () => withSubject(makeSubject, body);

  /** Starts an attempt and has the user approve it. */
  const approved = async (subject: GitHubOAuthSubject, user = octocat) => {
    const { verifier, challenge } = pkce();
    const url = subject.github.authorizeUrl({ state: `state-${randomBytes(6).toString('hex')}`, codeChallenge: challenge });
    return { verifier, code: await subject.approve(url, user) };
  };

  describe(`GitHubOAuth contract: ${adapterName}`, () => {
    it('sends the state and the S256 challenge in the authorize URL', run(async ({ github }) => {
      const url = new URL(github.authorizeUrl({ state: 'state-1', codeChallenge: 'challenge-1' }));
      expect(url.searchParams.get('state')).toBe('state-1');
      expect(url.searchParams.get('code_challenge')).toBe('challenge-1');
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    }));

    it('redeems an approved code with its verifier and reads the user it belongs to, numeric id and avatar included', run(async (subject) => {
      const { code, verifier } = await approved(subject);
      const token = await subject.github.exchangeCode({ code, codeVerifier: verifier });
      expect(await subject.github.fetchUser(token)).toEqual(octocat);
    }));

    it('refuses a code with the wrong verifier, a code used twice, and an unknown code', run(async (subject) => {
      const wrong = await approved(subject);
      await expect(subject.github.exchangeCode({ code: wrong.code, codeVerifier: pkce().verifier })).rejects.toBeInstanceOf(
        UnauthorizedError,
      );
      const once = await approved(subject);
      await subject.github.exchangeCode({ code: once.code, codeVerifier: once.verifier });
      await expect(subject.github.exchangeCode({ code: once.code, codeVerifier: once.verifier })).rejects.toBeInstanceOf(
        UnauthorizedError,
      );
      await expect(subject.github.exchangeCode({ code: 'never-issued', codeVerifier: once.verifier })).rejects.toBeInstanceOf(
        UnauthorizedError,
      );
    }));

    it('refuses an access token it never issued', run(async ({ github }) => {
      await expect(github.fetchUser('gho_never-issued')).rejects.toBeInstanceOf(UnauthorizedError);
    }));
  });
}

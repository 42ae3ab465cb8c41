import type { EntryType, EntryVerification, EntryVerifier } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { withSubject, type Disposable } from '../shared/contract-subject.js';
import { aProfile, anEntry } from './challenge-fixtures.js';

/** Work out in the world: a commit in a repository, or a post. */
export type PublishedWork =
  | { readonly kind: 'commit'; readonly owner: string; readonly repository: string; readonly sha: string }
  | { readonly kind: 'post'; readonly id: string; readonly author: string; readonly text: string };

export interface EntryVerifierSubject extends Disposable {
  readonly verifier: EntryVerifier;
  /** Puts the work where the verifier looks (a no-op for one that looks nowhere). */
  readonly publish: (work: PublishedWork) => void;
  /**
   * Capability: the verifier asks GitHub and X, so a url of the right shape with nothing (or the wrong
   * thing) behind it is refused. A shape-only verifier answers from the url alone.
   */
  readonly checksTheWorld: boolean;
}

const SHA = '9fceb02d0ae598e95dc970b74767f19372d61af8';
const ada = aProfile('Ada-L', { twitterUsername: 'ada_l' });
const request = (entryType: EntryType, url: string, profile = ada) => ({
  entry: anEntry({ githubUsername: profile.githubUsername, day: 1, entryType }, { url }),
  profile,
});

function expectWellFormed(answer: EntryVerification): void {
  expect(Number.isInteger(answer.confidence)).toBe(true);
  expect(answer.confidence).toBeGreaterThanOrEqual(0);
  expect(answer.confidence).toBeLessThanOrEqual(100);
  expect(answer.reason.trim()).not.toBe('');
}

/**
 * The EntryVerifier port's documented behaviour: a confidence 0..100 with a reason; the participant's
 * genuine commit or tagged post counts (>= 50); a url outside the participant's accounts never does;
 * with `checksTheWorld`, neither does a url whose commit or post is missing, someone else's, or untagged.
 */
export function describeEntryVerifierContract(adapterName: string, makeSubject: () => Promise<EntryVerifierSubject>): void {
  const run = (body: (s: EntryVerifierSubject) => Promise<void>) => () => withSubject(makeSubject, body);

  describe(`EntryVerifier contract: ${adapterName}`, () => {
    it('counts the participant\'s own commit, whatever the letter case of the login in the url', run(async ({ verifier, publish }) => {
      publish({ kind: 'commit', owner: 'Ada-L', repository: 'cloud', sha: SHA });
      for (const url of [`https://github.com/Ada-L/cloud/commit/${SHA}`, `https://github.com/ada-l/cloud/commit/${SHA}`]) {
        const answer = await verifier.verify(request('github', url));
        expectWellFormed(answer);
        expect(answer.confidence).toBeGreaterThanOrEqual(50);
      }
    }));

    it('counts the participant\'s own post carrying #100DaysOfCloud, on twitter.com and x.com', run(async ({ verifier, publish }) => {
      publish({ kind: 'post', id: '1766000000000000001', author: 'ada_l', text: 'Day 1: a VPC from scratch #100DaysOfCloud' });
      for (const url of ['https://twitter.com/ada_l/status/1766000000000000001', 'https://x.com/Ada_L/status/1766000000000000001?s=20']) {
        const answer = await verifier.verify(request('twitter', url));
        expectWellFormed(answer);
        expect(answer.confidence).toBeGreaterThanOrEqual(50);
      }
    }));

    it('never counts a url outside the participant\'s accounts', run(async ({ verifier, publish }) => {
      publish({ kind: 'commit', owner: 'bob', repository: 'cloud', sha: SHA });
      publish({ kind: 'post', id: '1766000000000000002', author: 'bob', text: 'Day 1 #100DaysOfCloud' });
      const noTwitter = aProfile('Ada-L', { twitterUsername: null });
      const cases = [
        request('github', `https://github.com/bob/cloud/commit/${SHA}`),
        request('github', `https://gitlab.com/Ada-L/cloud/commit/${SHA}`),
        request('github', 'not a url'),
        request('twitter', 'https://twitter.com/bob/status/1766000000000000002'),
        request('twitter', 'https://twitter.com/ada_l/status/1766000000000000002', noTwitter),
        request('twitter', 'https://example.com/ada_l/status/1766000000000000002'),
      ];
      for (const each of cases) {
        const answer = await verifier.verify(each);
        expectWellFormed(answer);
        expect(answer.confidence, each.entry.url).toBeLessThan(50);
      }
    }));

    it('gives the same answer to the same question', run(async ({ verifier, publish }) => {
      publish({ kind: 'commit', owner: 'Ada-L', repository: 'cloud', sha: SHA });
      const question = request('github', `https://github.com/Ada-L/cloud/commit/${SHA}`);
      expect(await verifier.verify(question)).toEqual(await verifier.verify(question));
    }));

    it('refuses, when it checks the world, a missing commit or repository, and a post that is missing, someone else\'s or untagged', run(async ({ verifier, publish, checksTheWorld }) => {
      if (!checksTheWorld) return;
      publish({ kind: 'commit', owner: 'Ada-L', repository: 'cloud', sha: SHA });
      publish({ kind: 'post', id: '1766000000000000003', author: 'bob', text: 'Day 1 #100DaysOfCloud' });
      publish({ kind: 'post', id: '1766000000000000004', author: 'ada_l', text: 'Day 1 #100DaysOfCloudNative' });
      const cases = [
        request('github', `https://github.com/Ada-L/cloud/commit/${'0'.repeat(40)}`),
        request('github', `https://github.com/Ada-L/missing/commit/${SHA}`),
        request('twitter', 'https://twitter.com/ada_l/status/1766000000000000009'),
        request('twitter', 'https://twitter.com/ada_l/status/1766000000000000003'),
        request('twitter', 'https://twitter.com/ada_l/status/1766000000000000004'),
      ];
      for (const each of cases) {
        const answer = await verifier.verify(each);
        expectWellFormed(answer);
        expect(answer.confidence, each.entry.url).toBeLessThan(50);
      }
    }));
  });
}

import { FakeGitHubServer, FakeXOEmbedServer, type PublishedWork } from '@hdoc/contract-tests';
import { HttpEntryVerifier, type HttpEntryVerifierOptions } from '../../src/index.js';

/** A clock a test sets. */
export class SetClock {
  constructor(public instant = new Date('2026-03-01T12:00:00.000Z')) {}
  now(): Date {
    return this.instant;
  }
}

/** Fake GitHub and X, and an HttpEntryVerifier pointed at them with fast retries. */
export async function verifierWithFakes(options: Partial<HttpEntryVerifierOptions> = {}) {
  const github = await FakeGitHubServer.start();
  const x = await FakeXOEmbedServer.start();
  const clock = new SetClock();
  const commits = new Map<string, string[]>();
  const verifier = new HttpEntryVerifier({
    clock,
    githubApiBaseUrl: github.baseUrl,
    xOEmbedBaseUrl: x.baseUrl,
    timeoutMs: 300,
    maxAttempts: 3,
    baseBackoffMs: 5,
    ...options,
  });
  const publish = (work: PublishedWork): void => {
    if (work.kind === 'post') return x.addPost(work.id, { author: work.author, text: work.text });
    const key = `${work.owner}/${work.repository}`;
    commits.set(key, [...(commits.get(key) ?? []), work.sha]);
    github.addRepository(work.owner, work.repository, { commits: commits.get(key) ?? [] });
  };
  const cleanup = async () => {
    await github.stop();
    await x.stop();
  };
  return { github, x, clock, verifier, publish, cleanup };
}

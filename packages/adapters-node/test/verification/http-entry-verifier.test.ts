import { aProfile, anEntry } from '@hdoc/contract-tests';
import { VerifierRateLimitedError, type EntryType } from '@hdoc/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpEntryVerifier } from '../../src/index.js';
import { verifierWithFakes } from './verifier-fakes.js';

const SHA = '9fceb02d0ae598e95dc970b74767f19372d61af8';
const ada = aProfile('ada', { twitterUsername: 'ada_l' });
const request = (entryType: EntryType, url: string) => ({ entry: anEntry({ githubUsername: 'ada', day: 1, entryType }, { url }), profile: ada });
const commitUrl = `https://github.com/ada/cloud/commit/${SHA}`;

let fakes: Awaited<ReturnType<typeof verifierWithFakes>>;
const setUp = async (options: Parameters<typeof verifierWithFakes>[0] = {}) => {
  fakes = await verifierWithFakes(options);
  fakes.github.addRepository('ada', 'cloud', { commits: [SHA], files: ['days/day-01.md'] });
  fakes.x.addPost('100', { author: 'ada_l', text: 'Day 1 #100DaysOfCloud' });
  return fakes;
};
afterEach(async () => fakes?.cleanup());

describe('GitHub entries: the sum of the checks that passed (url 10, repository 30, commit or file 60)', () => {
  it.each([
    [commitUrl, 100, 'a repository of the participant; repository exists; commit found'],
    [`https://github.com/ada/cloud/commit/${SHA.slice(0, 7)}`, 100, 'a repository of the participant; repository exists; commit found'],
    ['https://github.com/ada/cloud/blob/main/days/day-01.md', 100, 'a repository of the participant; repository exists; file found'],
    ['https://github.com/ada/cloud/tree/main/days', 100, 'a repository of the participant; repository exists; file found'],
    ['https://github.com/ada/cloud/blob/main/days/day-99.md', 40, 'file not found'],
    [`https://github.com/ada/cloud/commit/${'0'.repeat(40)}`, 40, 'commit not found'],
    ['https://github.com/ada/cloud', 40, 'the url names no commit or file'],
    [`https://github.com/ada/private/commit/${SHA}`, 10, 'repository not found (or private)'],
    [`https://github.com/bob/cloud/commit/${SHA}`, 0, 'not under github.com/ada'],
  ])('%s -> %i (%s)', async (url, confidence, reason) => {
    const { verifier } = await setUp();
    expect(await verifier.verify(request('github', url))).toEqual({ confidence, reason });
  });

  it('refuses a repository transferred to someone else since (GitHub redirects the old name)', async () => {
    const { verifier, github } = await setUp();
    // What GET /repos/ada/moved answers once followed to the transferred repository.
    github.scripted.push({ status: 200, body: JSON.stringify({ name: 'moved', owner: { login: 'bob' } }) });
    expect(await verifier.verify(request('github', `https://github.com/ada/moved/commit/${SHA}`))).toEqual({ confidence: 10, reason: 'repository now belongs to bob' });
  });

  it('sends the configured token, never in an error message, and asks nothing for a url of another account', async () => {
    const { verifier, github } = await setUp({ githubToken: 'ghp_secret_token', maxAttempts: 1 });
    await verifier.verify(request('github', commitUrl));
    expect(github.requests.map((r) => r.headers.authorization)).toEqual(['Bearer ghp_secret_token', 'Bearer ghp_secret_token']);
    github.requests.length = 0;
    await verifier.verify(request('github', `https://github.com/bob/cloud/commit/${SHA}`));
    expect(github.requests).toEqual([]);
    github.scripted.push({ status: 502 });
    const error = await verifier.verify(request('github', commitUrl)).catch((e: unknown) => e);
    expect(String(error)).toContain('GitHub answered HTTP 502');
    expect(String(error)).not.toContain('ghp_secret_token');
  });

  it('keeps a base URL\'s path (GitHub Enterprise\'s /api/v3)', async () => {
    const { github } = await setUp();
    const enterprise = new HttpEntryVerifier({ clock: fakes.clock, githubApiBaseUrl: `${github.baseUrl}/api/v3/`, maxAttempts: 1 });
    expect(await enterprise.verify(request('github', commitUrl))).toMatchObject({ confidence: 10 });
    expect(github.requests.map((r) => r.path)).toEqual(['/api/v3/repos/ada/cloud']);
  });
});

describe('Twitter/X entries: url 10, post 10, author 20, #100DaysOfCloud 60', () => {
  it.each([
    ['https://x.com/ada_l/status/100?s=20', 100, 'a post of the participant; post exists; posted by @ada_l; carries #100DaysOfCloud'],
    ['https://twitter.com/ada_l/status/101', 40, 'the post does not carry #100DaysOfCloud'],
    ['https://twitter.com/ada_l/status/102', 20, 'posted by @bob, not @ada_l'],
    ['https://twitter.com/ada_l/status/404', 10, 'post not found (deleted or not public)'],
    ['https://twitter.com/bob/status/102', 0, 'not a post of @ada_l'],
  ])('%s -> %i (%s)', async (url, confidence, reason) => {
    const { verifier, x } = await setUp();
    x.addPost('101', { author: 'ada_l', text: 'Day 1 #100DaysOfCloudNative' });
    x.addPost('102', { author: 'bob', text: 'Day 1 #100DaysOfCloud' });
    expect(await verifier.verify(request('twitter', url))).toEqual({ confidence, reason });
  });

  it('asks oEmbed about the canonical twitter.com url of the post', async () => {
    const { verifier, x } = await setUp();
    await verifier.verify(request('twitter', 'https://mobile.x.com/Ada_L/status/100?s=20&t=abc'));
    expect(x.requestedUrls).toEqual(['https://twitter.com/Ada_L/status/100']);
  });
});

describe('retries and rate limits', () => {
  it('retries 5xx answers, timeouts and non-JSON pages, then answers', async () => {
    const { verifier, github } = await setUp({ maxAttempts: 4 });
    github.scripted.push({ status: 503 }, 'hang', { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>unicorn</html>' });
    expect(await verifier.verify(request('github', commitUrl))).toMatchObject({ confidence: 100 });
    expect(github.requests).toHaveLength(5);
  });

  it('throws a plain error once its attempts are spent, so the queue delivers the job again', async () => {
    const { verifier, github } = await setUp({ maxAttempts: 2 });
    github.scripted.push('hang', 'hang');
    const error = await verifier.verify(request('github', commitUrl)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(VerifierRateLimitedError);
    expect(String(error)).toContain('GitHub did not answer within 300 ms');
    expect(github.requests).toHaveLength(2);
  });

  it('does not retry a rate limit: 429 with Retry-After throws how long to wait, and no request goes out until then', async () => {
    const { verifier, github, clock } = await setUp();
    github.scripted.push({ status: 429, headers: { 'retry-after': '30' } });
    await expect(verifier.verify(request('github', commitUrl))).rejects.toMatchObject({ code: 'verifier_rate_limited', retryAfterSeconds: 30, service: 'GitHub' });
    clock.instant = new Date(clock.instant.getTime() + 20_000);
    await expect(verifier.verify(request('github', commitUrl))).rejects.toMatchObject({ retryAfterSeconds: 10 });
    expect(github.requests).toHaveLength(1);
    clock.instant = new Date(clock.instant.getTime() + 10_000);
    expect(await verifier.verify(request('github', commitUrl))).toMatchObject({ confidence: 100 });
  });

  it.each([
    ['403 with X-RateLimit-Remaining 0 waits until X-RateLimit-Reset', 403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Date.parse('2026-03-01T12:20:00Z') / 1000) }, 1200],
    ['403 with Retry-After (a secondary limit)', 403, { 'retry-after': '90' }, 90],
    ['429 with an HTTP-date Retry-After', 429, { 'retry-after': 'Sun, 01 Mar 2026 12:02:00 GMT' }, 120],
    ['429 without a hint waits a minute', 429, {}, 60],
  ])('%s', async (_name, status, headers, wait) => {
    const { verifier, github } = await setUp();
    github.scripted.push({ status, headers });
    await expect(verifier.verify(request('github', commitUrl))).rejects.toMatchObject({ retryAfterSeconds: wait });
  });

  it('reads a plain 403 as a refusal (repository not readable), not a rate limit', async () => {
    const { verifier, github } = await setUp();
    github.scripted.push({ status: 403, headers: { 'x-ratelimit-remaining': '4999' } });
    expect(await verifier.verify(request('github', commitUrl))).toEqual({ confidence: 10, reason: 'repository not found (or private)' });
  });

  it('rate limits X separately from GitHub', async () => {
    const { verifier, x } = await setUp();
    x.scripted.push({ status: 429, headers: { 'retry-after': '15' } });
    await expect(verifier.verify(request('twitter', 'https://x.com/ada_l/status/100'))).rejects.toMatchObject({ service: 'X', retryAfterSeconds: 15 });
    expect(await verifier.verify(request('github', commitUrl))).toMatchObject({ confidence: 100 });
  });
});

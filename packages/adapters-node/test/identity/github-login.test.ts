import {
  FakeGitHubOAuth,
  MemoryLeaderboard,
  MemoryOAuthStateStore,
  MemoryProfileRepository,
  MemoryRateLimiter,
} from '@hdoc/adapters-memory';
import {
  CompleteGitHubLogin,
  DEFAULT_GITHUB_LOGIN_START_LIMIT,
  RateLimitedError,
  RegisterProfile,
  StartGitHubLogin,
  UnauthorizedError,
  ValidationError,
  type GitHubOAuth,
  type GitHubUser,
} from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { FakeGitHubServer } from '@hdoc/contract-tests';
import { HttpGitHubOAuth } from '../../src/index.js';
import { identityFixture } from './identity-fixture.js';

const octocat: GitHubUser = { login: 'Octo-Cat', name: 'The Octocat', bio: 'I like forks', twitterUsername: 'octo' };

/** GitHub login wired with the real RegisterProfile over the challenge's memory adapters. */
async function githubFixture(github: GitHubOAuth = new FakeGitHubOAuth()) {
  const f = await identityFixture();
  const attempts = new MemoryOAuthStateStore(f.clock);
  const profiles = new MemoryProfileRepository();
  const registerProfile = new RegisterProfile(profiles, new MemoryLeaderboard(), f.clock);
  return {
    ...f,
    profiles,
    start: new StartGitHubLogin(github, attempts, f.secrets, f.clock, new MemoryRateLimiter(f.clock)),
    complete: new CompleteGitHubLogin(attempts, github, registerProfile, f.sessions),
  };
}

describe('GitHub login with a fake GitHub', () => {
  it('starts with a state and an S256 challenge of a verifier that stays server-side', async () => {
    const f = await githubFixture();
    const started = await f.start.execute({ clientAddress: '203.0.113.7' });
    const url = new URL(started.authorizeUrl);
    expect(started.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toBe(started.state);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(started.expiresAt).toEqual(new Date(f.clock.now().getTime() + 600_000));
    expect(JSON.stringify(started)).not.toMatch(/verifier/i);
  });

  it('registers the profile on first login and opens a session for github:<login>', async () => {
    const github = new FakeGitHubOAuth();
    const f = await githubFixture(github);
    const first = await f.start.execute({ clientAddress: '203.0.113.7' });
    const done = await f.complete.execute({ state: first.state, code: github.approve(first.state, octocat) });
    expect(done).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, githubUsername: 'Octo-Cat', profileCreated: true });
    expect(await f.authenticate.execute({ accessToken: done.accessToken })).toMatchObject({ subject: 'github:Octo-Cat' });
    expect(await f.profiles.get('octo-cat')).toMatchObject({ githubUsername: 'Octo-Cat', fullName: 'The Octocat', twitterUsername: 'octo' });

    const second = await f.start.execute({ clientAddress: '203.0.113.7' });
    const again = await f.complete.execute({ state: second.state, code: github.approve(second.state, { ...octocat, name: 'Renamed' }) });
    expect(again).toMatchObject({ githubUsername: 'Octo-Cat', profileCreated: false });
    expect(await f.authenticate.execute({ accessToken: again.accessToken })).toMatchObject({ subject: 'github:Octo-Cat' });
    expect((await f.profiles.get('octo-cat'))?.fullName).toBe('The Octocat');
  });

  it('refuses an unknown, reused or expired state with UnauthorizedError', async () => {
    const github = new FakeGitHubOAuth();
    const f = await githubFixture(github);
    await expect(f.complete.execute({ state: 'forged', code: 'any' })).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(f.complete.execute({ state: '', code: 'any' })).rejects.toBeInstanceOf(UnauthorizedError);

    const used = await f.start.execute({ clientAddress: '203.0.113.7' });
    await f.complete.execute({ state: used.state, code: github.approve(used.state, octocat) });
    await expect(f.complete.execute({ state: used.state, code: github.approve(used.state, octocat) })).rejects.toBeInstanceOf(UnauthorizedError);

    const stale = await f.start.execute({ clientAddress: '203.0.113.7' });
    f.clock.advance(600_000);
    await expect(f.complete.execute({ state: stale.state, code: github.approve(stale.state, octocat) })).rejects.toBeInstanceOf(UnauthorizedError);
    expect(await f.profiles.get('octo-cat')).not.toBeNull();
  });

  it('refuses a code approved for another login attempt (PKCE binds code and verifier)', async () => {
    const github = new FakeGitHubOAuth();
    const f = await githubFixture(github);
    const attacker = await f.start.execute({ clientAddress: '203.0.113.7' });
    const victim = await f.start.execute({ clientAddress: '203.0.113.7' });
    const injected = github.approve(attacker.state, { ...octocat, login: 'mallory' });
    await expect(f.complete.execute({ state: victim.state, code: injected })).rejects.toBeInstanceOf(UnauthorizedError);
    expect(await f.profiles.get('mallory')).toBeNull();
  });

  it('refuses a missing code with ValidationError without consuming the state', async () => {
    const github = new FakeGitHubOAuth();
    const f = await githubFixture(github);
    const started = await f.start.execute({ clientAddress: '203.0.113.7' });
    await expect(f.complete.execute({ state: started.state, code: '' })).rejects.toBeInstanceOf(ValidationError);
    await expect(f.complete.execute({ state: started.state, code: github.approve(started.state, octocat) })).resolves.toMatchObject({ profileCreated: true });
  });

  it('limits starts per client address, not for others, and releases after the window', async () => {
    const f = await githubFixture();
    for (let i = 0; i < DEFAULT_GITHUB_LOGIN_START_LIMIT.limit; i++) await f.start.execute({ clientAddress: '198.51.100.1' });
    const refused = await f.start.execute({ clientAddress: '198.51.100.1' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    await expect(f.start.execute({ clientAddress: '198.51.100.2' })).resolves.toMatchObject({ state: expect.any(String) });
    f.clock.advance(DEFAULT_GITHUB_LOGIN_START_LIMIT.windowSeconds * 1000);
    await expect(f.start.execute({ clientAddress: '198.51.100.1' })).resolves.toMatchObject({ state: expect.any(String) });
  });
});

describe('GitHub login end to end over HTTP against a local fake GitHub', () => {
  it('runs the whole flow through HttpGitHubOAuth', async () => {
    const server = await FakeGitHubServer.start();
    try {
      const github = new HttpGitHubOAuth({
        clientId: server.clientId,
        clientSecret: server.clientSecret,
        redirectUri: server.redirectUri,
        webBaseUrl: server.baseUrl,
        apiBaseUrl: server.baseUrl,
      });
      const f = await githubFixture(github);
      const started = await f.start.execute({ clientAddress: '203.0.113.7' });
      const challenge = new URL(started.authorizeUrl).searchParams.get('code_challenge') as string;
      const code = server.approve(challenge, { login: 'hubot', name: 'Hubot', bio: null, twitter_username: null });
      const done = await f.complete.execute({ state: started.state, code });
      expect(done).toMatchObject({ githubUsername: 'hubot', profileCreated: true });
      expect(await f.authenticate.execute({ accessToken: done.accessToken })).toMatchObject({ subject: 'github:hubot' });
    } finally {
      await server.stop();
    }
  });
});

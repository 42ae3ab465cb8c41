import {
  FakeGitHubOAuth,
  MemoryEntryRepository,
  MemoryLeaderboard,
  MemoryParticipantProgressStore,
  MemoryOAuthStateStore,
  MemoryProfileRepository,
  MemoryRateLimiter,
  MemorySignInCodeStore,
} from '@hdoc/adapters-memory';
import {
  CompleteGitHubLogin,
  ExchangeSignInCode,
  InvalidGrantError,
  type CompleteGitHubLoginInput,
  type GitHubLoginSession,
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
import { FakeGitHubServer, octocat } from '@hdoc/contract-tests';
import { HttpGitHubOAuth } from '../../src/index.js';
import { identityFixture } from './identity-fixture.js';

/** GitHub login wired with the real RegisterProfile over the challenge's memory adapters. */
async function githubFixture(github: GitHubOAuth = new FakeGitHubOAuth()) {
  const f = await identityFixture();
  const attempts = new MemoryOAuthStateStore(f.clock);
  const profiles = new MemoryProfileRepository();
  const entries = new MemoryEntryRepository();
  const leaderboard = new MemoryLeaderboard();
  const progress = new MemoryParticipantProgressStore(profiles, entries, leaderboard);
  const registerProfile = new RegisterProfile(profiles, entries, leaderboard, progress, f.clock);
  const codes = new MemorySignInCodeStore(f.clock);
  const completeLogin = new CompleteGitHubLogin(attempts, github, registerProfile, f.sessions, f.sessionStore, codes, f.secrets, f.clock);
  return {
    ...f,
    profiles,
    entries,
    leaderboard,
    start: new StartGitHubLogin(github, attempts, f.secrets, f.clock, new MemoryRateLimiter(f.clock)),
    codes,
    completeLogin,
    /** A sign-in started without a return URL: it always ends in a session. */
    complete: {
      execute: async (input: CompleteGitHubLoginInput): Promise<GitHubLoginSession> => {
        const result = await completeLogin.execute(input);
        if (result.kind !== 'session') throw new Error('expected a session');
        return result;
      },
    },
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

  it('follows a GitHub rename: same profile, entries and standing under the new login; sessions of the old login end', async () => {
    const github = new FakeGitHubOAuth();
    const f = await githubFixture(github);
    const signIn = async (user: GitHubUser) => {
      const started = await f.start.execute({ clientAddress: '203.0.113.7' });
      return f.complete.execute({ state: started.state, code: github.approve(started.state, user) });
    };
    const before = await signIn(octocat);
    const stored = await f.profiles.get('Octo-Cat');
    await f.entries.put(
      { githubUsername: 'Octo-Cat', day: 1, entryType: 'github', url: 'https://github.com/Octo-Cat/x', verified: true, confidence: 70, verificationReason: 'commit found', checkedAt: f.clock.now(), requeueAt: null, localDate: '2026-05-01', createdAt: f.clock.now(), updatedAt: f.clock.now(), revision: 1 },
      null,
    );

    const after = await signIn({ ...octocat, login: 'Octo-Renamed', avatarUrl: 'https://avatars.githubusercontent.com/u/583231?v=5' });
    expect(after).toMatchObject({ githubUsername: 'Octo-Renamed', profileCreated: false });
    expect(await f.profiles.get('Octo-Cat')).toBeNull();
    const moved = await f.profiles.get('octo-renamed');
    expect(moved).toMatchObject({ githubId: 583231, createdAt: stored?.createdAt, fullName: 'The Octocat', avatarUrl: 'https://avatars.githubusercontent.com/u/583231?v=5' });
    expect((await f.entries.listByParticipant('octo-renamed')).map((e) => e.githubUsername)).toEqual(['Octo-Renamed']);
    expect(await f.entries.listByParticipant('octo-cat')).toEqual([]);
    expect(await f.leaderboard.position('Octo-Cat', 0)).toBeNull();
    expect((await f.leaderboard.position('Octo-Renamed', 0))?.row).toMatchObject({ githubUsername: 'Octo-Renamed', avatarUrl: moved?.avatarUrl });
    // The session opened under the old login no longer acts; the new one acts as the new login.
    await expect(f.authenticate.execute({ accessToken: before.accessToken })).rejects.toBeInstanceOf(UnauthorizedError);
    expect(await f.authenticate.execute({ accessToken: after.accessToken })).toMatchObject({ subject: 'github:Octo-Renamed' });
  });

  it('never lets a reused login inherit a profile: the former holder is released, and gets it back under their new login', async () => {
    const github = new FakeGitHubOAuth();
    const f = await githubFixture(github);
    const signIn = async (user: GitHubUser) => {
      const started = await f.start.execute({ clientAddress: '203.0.113.7' });
      return f.complete.execute({ state: started.state, code: github.approve(started.state, user) });
    };
    const original = await signIn(octocat);
    await f.entries.put(
      { githubUsername: 'Octo-Cat', day: 1, entryType: 'github', url: 'https://github.com/Octo-Cat/x', verified: true, confidence: 70, verificationReason: 'commit found', checkedAt: f.clock.now(), requeueAt: null, localDate: '2026-05-01', createdAt: f.clock.now(), updatedAt: f.clock.now(), revision: 1 },
      null,
    );
    // Octo-Cat renamed away on GitHub (we were not told) and someone else took the name.
    const newcomer = await signIn({ id: 999, login: 'octo-cat', name: 'Someone Else', bio: null, twitterUsername: null, avatarUrl: null });
    expect(newcomer).toMatchObject({ githubUsername: 'octo-cat', profileCreated: true });
    const taken = await f.profiles.get('octo-cat');
    expect(taken).toMatchObject({ githubId: 999, fullName: 'Someone Else', daysCompleted: 0 });
    expect(await f.entries.listByParticipant('octo-cat')).toEqual([]);
    // The former holder is released, off the board, and their old sessions end.
    const released = await f.profiles.getByGithubId(583231);
    expect(released?.githubUsername).toBe('released~583231');
    expect(await f.leaderboard.position(released?.githubUsername ?? '', 0)).toBeNull();
    await expect(f.authenticate.execute({ accessToken: original.accessToken })).rejects.toBeInstanceOf(UnauthorizedError);
    expect(await f.authenticate.execute({ accessToken: newcomer.accessToken })).toMatchObject({ subject: 'github:octo-cat' });

    // The former holder signs in under their new login: their own profile and entries come back.
    const back = await signIn({ ...octocat, login: 'Octo-Cat-2' });
    expect(back).toMatchObject({ githubUsername: 'Octo-Cat-2', profileCreated: false });
    expect(await f.profiles.get('octo-cat-2')).toMatchObject({ githubId: 583231, fullName: 'The Octocat' });
    expect((await f.entries.listByParticipant('octo-cat-2')).map((e) => e.url)).toEqual(['https://github.com/Octo-Cat/x']);
    expect((await f.leaderboard.position('octo-cat-2', 0))?.row.githubUsername).toBe('Octo-Cat-2');
    // The newcomer's session is untouched.
    expect(await f.authenticate.execute({ accessToken: newcomer.accessToken })).toMatchObject({ subject: 'github:octo-cat' });
  });

  it('with a return URL, opens no session but stores a 60-second single-use code (its fingerprint only) for the page', async () => {
    const github = new FakeGitHubOAuth();
    const f = await githubFixture(github);
    const exchange = new ExchangeSignInCode(f.codes, f.secrets, f.sessions);
    const started = await f.start.execute({ clientAddress: '203.0.113.7', returnTo: 'https://app.example.test/back' });
    const done = await f.completeLogin.execute({ state: started.state, code: github.approve(started.state, octocat) });
    if (done.kind !== 'redirect') throw new Error('expected a redirect');
    expect(done.returnTo).toBe('https://app.example.test/back');
    expect(done.expiresAt).toEqual(new Date(f.clock.now().getTime() + 60_000));
    expect(await f.codes.take(done.code)).toBeNull(); // stored under its fingerprint, not the code
    const session = await exchange.execute({ code: done.code });
    expect(session).toMatchObject({ githubUsername: 'Octo-Cat', profileCreated: true, tokenType: 'Bearer' });
    expect(await f.authenticate.execute({ accessToken: session.accessToken })).toMatchObject({ subject: 'github:Octo-Cat' });
    await expect(exchange.execute({ code: done.code })).rejects.toBeInstanceOf(InvalidGrantError);
    await expect(exchange.execute({ code: '' })).rejects.toBeInstanceOf(InvalidGrantError);
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
      const code = server.approve(challenge, { id: 480938, login: 'hubot', name: 'Hubot', bio: null, twitter_username: null });
      const done = await f.complete.execute({ state: started.state, code });
      expect(done).toMatchObject({ githubUsername: 'hubot', profileCreated: true });
      expect(await f.profiles.getByGithubId(480938)).toMatchObject({ githubUsername: 'hubot' });
      expect(await f.authenticate.execute({ accessToken: done.accessToken })).toMatchObject({ subject: 'github:hubot' });
    } finally {
      await server.stop();
    }
  });
});

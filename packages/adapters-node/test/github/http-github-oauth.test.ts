import { UnauthorizedError } from '@hdoc/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpGitHubOAuth, NodeCryptoSecretGenerator, UpstreamUnavailableError } from '../../src/index.js';
import { describeGitHubOAuthContract, fakeGitHubId, FakeGitHubServer } from '@hdoc/contract-tests';

const secrets = new NodeCryptoSecretGenerator();
let github: FakeGitHubServer;

beforeAll(async () => {
  github = await FakeGitHubServer.start();
});
afterAll(async () => {
  await github.stop();
});
beforeEach(() => {
  github.failure = null;
  github.rawAnswer = null;
});

function adapter(overrides: Partial<ConstructorParameters<typeof HttpGitHubOAuth>[0]> = {}): HttpGitHubOAuth {
  return new HttpGitHubOAuth({
    clientId: github.clientId,
    clientSecret: github.clientSecret,
    redirectUri: github.redirectUri,
    webBaseUrl: github.baseUrl,
    apiBaseUrl: `${github.baseUrl}/`,
    timeoutMs: 500,
    ...overrides,
  });
}

/** The start of a login: a verifier and its challenge, approved by the user on the fake GitHub. */
function approvedCode(login = 'Octo-Cat'): { code: string; codeVerifier: string } {
  const codeVerifier = secrets.newSecret();
  const code = github.approve(secrets.fingerprint(codeVerifier), { login, name: 'The Octocat', bio: '', twitter_username: 'octo' });
  return { code, codeVerifier };
}

describe('HttpGitHubOAuth against a local fake GitHub', () => {
  it('builds the authorize URL with client id, redirect URI, state and the S256 challenge', () => {
    const url = new URL(adapter({ scope: 'read:user' }).authorizeUrl({ state: 'the-state', codeChallenge: 'the-challenge' }));
    expect(`${url.origin}${url.pathname}`).toBe(`${github.baseUrl}/login/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: github.clientId,
      redirect_uri: github.redirectUri,
      state: 'the-state',
      code_challenge: 'the-challenge',
      code_challenge_method: 'S256',
      scope: 'read:user',
    });
    expect(new URL(adapter().authorizeUrl({ state: 's', codeChallenge: 'c' })).searchParams.has('scope')).toBe(false);
  });

  it('exchanges the code with the verifier and reads the user', async () => {
    const oauth = adapter();
    const accessToken = await oauth.exchangeCode(approvedCode());
    expect(await oauth.fetchUser(accessToken)).toEqual({
      id: fakeGitHubId('Octo-Cat'),
      login: 'Octo-Cat',
      name: 'The Octocat',
      bio: null,
      twitterUsername: 'octo',
      avatarUrl: null,
    });
    const exchange = github.requests.find((r) => r.path === '/login/oauth/access_token');
    expect(exchange?.headers.accept).toBe('application/json');
    const lookup = github.requests.findLast((r) => r.path === '/user');
    expect(lookup?.headers.authorization).toBe(`Bearer ${accessToken}`);
    expect(lookup?.headers['user-agent']).toBe('hdoc');
  });

  it('turns a refused code (wrong verifier, reused, unknown) into UnauthorizedError', async () => {
    const oauth = adapter();
    const { code } = approvedCode();
    await expect(oauth.exchangeCode({ code, codeVerifier: secrets.newSecret() })).rejects.toBeInstanceOf(UnauthorizedError);
    const approved = approvedCode();
    await oauth.exchangeCode(approved);
    await expect(oauth.exchangeCode(approved)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(oauth.exchangeCode({ code: 'never-issued', codeVerifier: 'x' })).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('turns a refused GitHub access token into UnauthorizedError', async () => {
    await expect(adapter().fetchUser('gho_not-a-token')).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('reports its own misconfiguration and outages as plain errors, not as the user’s fault', async () => {
    const wrongSecret = adapter({ clientSecret: 'wrong' });
    const error = await wrongSecret.exchangeCode(approvedCode()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(UnauthorizedError);
    expect(String(error)).toMatch(/incorrect_client_credentials/);
    expect(error).not.toBeInstanceOf(UpstreamUnavailableError);
    github.failure = 502;
    await expect(adapter().exchangeCode(approvedCode())).rejects.toThrow(/HTTP 502/);
    await expect(adapter().fetchUser('gho_x')).rejects.toThrow(UpstreamUnavailableError);
    github.failure = 'hang';
    const hung = await adapter({ timeoutMs: 100 }).fetchUser('gho_x').catch((e: unknown) => e);
    expect(hung).toBeInstanceOf(Error);
    expect(hung).not.toBeInstanceOf(UnauthorizedError);
  });
});

describe('HttpGitHubOAuth when GitHub answers something other than JSON', () => {
  const pages = [
    { what: 'an HTML page', contentType: 'text/html; charset=utf-8', body: '<!DOCTYPE html><html><body>Unicorn! We are down</body></html>' },
    { what: 'an empty body', contentType: 'application/json', body: '' },
    { what: 'a JSON string', contentType: 'application/json', body: '"maintenance"' },
  ];

  it.each(pages)('reports $what from the token endpoint as an outage (UpstreamUnavailableError)', async ({ contentType, body }) => {
    github.rawAnswer = { path: '/login/oauth/access_token', status: 200, contentType, body };
    await expect(adapter().exchangeCode(approvedCode())).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });

  it.each(pages)('reports $what from the user API as an outage (UpstreamUnavailableError)', async ({ contentType, body }) => {
    const oauth = adapter();
    const accessToken = await oauth.exchangeCode(approvedCode());
    github.rawAnswer = { path: '/user', status: 200, contentType, body };
    await expect(oauth.fetchUser(accessToken)).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });

  it('refuses a user without a numeric id (not an outage: GitHub changed its answer)', async () => {
    const oauth = adapter();
    const accessToken = await oauth.exchangeCode(approvedCode());
    github.rawAnswer = { path: '/user', status: 200, contentType: 'application/json', body: '{"login":"x","id":"12"}' };
    const error = await oauth.fetchUser(accessToken).catch((e: unknown) => e);
    expect(String(error)).toMatch(/numeric id/);
    expect(error).not.toBeInstanceOf(UpstreamUnavailableError);
  });
});

describeGitHubOAuthContract('HttpGitHubOAuth against a fake GitHub', async () => {
  const server = await FakeGitHubServer.start();
  return {
    github: new HttpGitHubOAuth({
      clientId: server.clientId,
      clientSecret: server.clientSecret,
      redirectUri: server.redirectUri,
      webBaseUrl: server.baseUrl,
      apiBaseUrl: server.baseUrl,
    }),
    approve: (authorizeUrl, user) =>
      server.approve(new URL(authorizeUrl).searchParams.get('code_challenge') ?? '', {
        id: user.id,
        login: user.login,
        avatar_url: user.avatarUrl,
        name: user.name,
        bio: user.bio,
        twitter_username: user.twitterUsername,
      }),
    cleanup: () => server.stop(),
  };
});

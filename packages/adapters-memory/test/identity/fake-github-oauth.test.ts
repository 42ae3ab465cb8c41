import { describeGitHubOAuthContract } from '@hdoc/contract-tests';
import { FakeGitHubOAuth } from '../../src/index.js';

describeGitHubOAuthContract('FakeGitHubOAuth', async () => {
  const github = new FakeGitHubOAuth();
  return {
    github,
    approve: (authorizeUrl, user) => github.approve(new URL(authorizeUrl).searchParams.get('state') ?? '', user),
  };
});

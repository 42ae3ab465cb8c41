import { describe } from 'vitest';
import { describeChallengeErrorFlows } from '../../../api-http/test/challenge/challenge-error-flows.js';
import { describeChallengeFlows } from '../../../api-http/test/challenge/challenge-flows.js';
import { describeDevSignInFlows } from '../../../api-http/test/challenge/dev-sign-in-flows.js';
import { describeGitHubLoginFlows } from '../../../api-http/test/challenge/github-login-flows.js';
import { describeGitHubReturnToFlows } from '../../../api-http/test/challenge/github-return-to-flows.js';
import { describeMyProfileFlows } from '../../../api-http/test/challenge/my-profile-flows.js';
import { useAwsBacking } from './aws-backing.js';

const aws = useAwsBacking();

describe('the challenge flows with every port group on aws', () => {
  describe('end to end', () => describeChallengeFlows(aws()));
  describe('my profile', () => describeMyProfileFlows(aws()));
  describe('errors', () => describeChallengeErrorFlows(aws()));
  describe('development sign-in', () => describeDevSignInFlows(aws()));
  describe('GitHub sign-in', () => describeGitHubLoginFlows(aws()));
  describe('GitHub sign-in returning to the website', () => describeGitHubReturnToFlows(aws()));
});

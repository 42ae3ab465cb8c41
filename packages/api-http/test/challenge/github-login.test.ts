import { describeGitHubLoginFlows } from './github-login-flows.js';

describeGitHubLoginFlows();

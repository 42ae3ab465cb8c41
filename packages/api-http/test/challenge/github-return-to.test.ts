import { describeGitHubReturnToFlows } from './github-return-to-flows.js';

describeGitHubReturnToFlows();

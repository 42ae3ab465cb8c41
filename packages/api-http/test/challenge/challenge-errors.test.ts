import { describeChallengeErrorFlows } from './challenge-error-flows.js';

describeChallengeErrorFlows();

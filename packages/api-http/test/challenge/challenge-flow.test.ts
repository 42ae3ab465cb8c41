import { describeChallengeFlows } from './challenge-flows.js';

describeChallengeFlows();

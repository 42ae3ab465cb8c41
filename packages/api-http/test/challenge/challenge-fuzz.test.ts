import { describeChallengeFuzzing } from './challenge-fuzz-flows.js';

describeChallengeFuzzing();

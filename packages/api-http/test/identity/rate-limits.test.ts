import { describeRateLimitFlows } from './rate-limit-flows.js';

describeRateLimitFlows();

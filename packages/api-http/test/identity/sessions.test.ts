import { describeSessionFlows } from './session-flows.js';

describeSessionFlows();

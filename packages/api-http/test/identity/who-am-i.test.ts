import { describeWhoAmIFlows } from './who-am-i-flows.js';

describeWhoAmIFlows();

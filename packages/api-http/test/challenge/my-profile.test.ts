import { describeMyProfileFlows } from './my-profile-flows.js';

describeMyProfileFlows();

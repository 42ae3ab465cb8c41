import { describePhotoAuthorizationFlows } from './authorization-flows.js';

describePhotoAuthorizationFlows();

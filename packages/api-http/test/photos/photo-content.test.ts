import { describePhotoContentFlows } from './photo-content-flows.js';

describePhotoContentFlows();

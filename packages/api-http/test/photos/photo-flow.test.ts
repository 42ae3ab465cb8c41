import { describePhotoFlows } from './photo-flows.js';

describePhotoFlows();

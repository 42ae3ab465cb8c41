import { describeIdentityAndPhotoFuzzing } from './fuzz-flows.js';

describeIdentityAndPhotoFuzzing();

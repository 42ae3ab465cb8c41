import { describe } from 'vitest';
import { describeChallengeFuzzing } from '../../../api-http/test/challenge/challenge-fuzz-flows.js';
import { describeIdentityAndPhotoFuzzing } from '../../../api-http/test/photos/fuzz-flows.js';
import { useAwsBacking } from './aws-backing.js';

const aws = useAwsBacking();

describe('fuzzing every operation with every port group on aws', () => {
  describe('challenge', () => describeChallengeFuzzing(aws()));
  describe('identity and photos', () => describeIdentityAndPhotoFuzzing(aws()));
});

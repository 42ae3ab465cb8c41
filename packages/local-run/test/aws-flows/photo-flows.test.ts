import { describe } from 'vitest';
import { describePhotoAuthorizationFlows } from '../../../api-http/test/photos/authorization-flows.js';
import { describePhotoContentFlows } from '../../../api-http/test/photos/photo-content-flows.js';
import { describePhotoFlows } from '../../../api-http/test/photos/photo-flows.js';
import { useAwsBacking } from './aws-backing.js';

// upload-attacks.test.ts stays memory-only: it tests the memory family's own /local-uploads and
// /local-objects endpoints, and moto enforces no POST policy, signature or expiry (DESIGN.md).
const aws = useAwsBacking();

describe('the photo flows with every port group on aws', () => {
  describe('upload to deletion', () => describePhotoFlows(aws()));
  describe('authorization', () => describePhotoAuthorizationFlows(aws()));
  describe('stored bytes', () => describePhotoContentFlows(aws()));
});

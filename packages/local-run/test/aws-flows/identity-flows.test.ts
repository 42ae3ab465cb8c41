import { describe, expect, it } from 'vitest';
import { startComposedApi } from '../../../api-http/test/identity/composed-api.js';
import { describeRateLimitFlows } from '../../../api-http/test/identity/rate-limit-flows.js';
import { describeSessionFlows } from '../../../api-http/test/identity/session-flows.js';
import { describeWhoAmIFlows } from '../../../api-http/test/identity/who-am-i-flows.js';
import { useAwsBacking } from './aws-backing.js';

const aws = useAwsBacking();

describe('the identity flows with every port group on aws', () => {
  describeSessionFlows(aws());
  describeRateLimitFlows(aws());
  describeWhoAmIFlows(aws());
});

describe('an API on the whole AWS path', () => {
  it('checks every AWS dependency for readiness: the flows of this directory ran on them, not in memory', async () => {
    const api = await startComposedApi({ backing: aws() });
    try {
      const ready = await api.send('get', '/readyz');
      expect(ready.status).toBe(200);
      const names = (ready.body as { checks: { name: string; status: string }[] }).checks.map(({ name, status }) => `${name}:${status}`);
      expect(names).toEqual(expect.arrayContaining(['postgres:ok', 'redis:ok', 'dynamodb:ok', 'sqs:ok', 's3:ok']));
    } finally {
      await api.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startComposedApi, type ComposedApi } from '../identity/composed-api.js';
import { describeRateLimitFlows } from '../identity/rate-limit-flows.js';
import { describeSessionFlows } from '../identity/session-flows.js';
import { describeWhoAmIFlows } from '../identity/who-am-i-flows.js';
import { useRealIdentityStores } from './real-identity-stores.js';

const realStores = useRealIdentityStores();

describe('the identity flows with users on PostgreSQL and sessions, rate limits and sign-in states on Redis', () => {
  describeSessionFlows(realStores());
  describeRateLimitFlows(realStores());
  describeWhoAmIFlows(realStores());
});

describe('an API composed with ADAPTERS_IDENTITY=aws', () => {
  let api: ComposedApi;
  beforeAll(async () => {
    api = await startComposedApi({ backing: realStores() });
  });
  afterAll(() => api?.close());

  it('checks PostgreSQL and Redis for readiness: the flows above ran on them, not in memory', async () => {
    const ready = await api.send('get', '/readyz');
    expect(ready.status).toBe(200);
    const names = (ready.body as { checks: { name: string; status: string }[] }).checks.map(({ name, status }) => `${name}:${status}`);
    expect(names).toEqual(expect.arrayContaining(['postgres:ok', 'redis:ok']));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrivateRedisServer } from '../../../adapters-aws/test/redis/private-redis-server.js';
import { json, startComposedApi, type ComposedApi, type TokensJson } from '../identity/composed-api.js';
import type { CheckedResponse } from '../support/openapi-validator.js';
import { expectError } from '../photos/photo-api.js';
import {
  CuttableTcpProxy,
  databaseUrlThrough,
  readinessBecomes,
  sharedPostgresAddress,
  timed,
  useRealIdentityStores,
} from './real-identity-stores.js';

const realStores = useRealIdentityStores();
const password = 'correct horse battery';

/** Sends a request that needs the dead dependency: 503 dependency_unavailable, answered within a second. */
async function expectUnavailableFast(request: () => Promise<CheckedResponse>): Promise<void> {
  const { result, ms } = await timed(request);
  expect(result.status, result.text).toBe(503);
  expectError(result.body, 'dependency_unavailable');
  expect(ms).toBeLessThan(1_000);
}

/** The process is alive, and not ready because of `down` alone. */
async function expectAliveButNotReady(api: ComposedApi, down: 'postgres' | 'redis', up: 'postgres' | 'redis'): Promise<void> {
  expect((await api.send('get', '/healthz')).status).toBe(200);
  const ready = await api.send('get', '/readyz');
  expect(ready.status).toBe(503);
  const body = ready.body as { error: { code: string; message: string }; checks: { name: string; status: string }[] };
  expect(body.error).toMatchObject({ code: 'dependency_unavailable', message: `not ready: ${down}` });
  expect(body.checks).toEqual(
    expect.arrayContaining([expect.objectContaining({ name: down, status: 'failed' }), expect.objectContaining({ name: up, status: 'ok' })]),
  );
}

describe('Redis goes down under a running API', () => {
  let redis: PrivateRedisServer;
  let api: ComposedApi;
  beforeAll(async () => {
    redis = await PrivateRedisServer.start();
    api = await startComposedApi({ backing: realStores({ redisUrl: redis.url }) });
  });
  afterAll(async () => {
    await api?.close();
    await redis?.stop();
  });

  it('answers 503 within a second for log-in and refresh, stays up, names redis in /readyz, and recovers without a restart', async () => {
    const { tokens } = await api.account('rita', password);
    await redis.stop();

    await expectUnavailableFast(() => api.send('post', '/sessions', json({ username: 'rita', password })));
    await expectUnavailableFast(() => api.send('post', '/sessions/refresh', json({ refresh_token: tokens.refresh_token })));
    await expectAliveButNotReady(api, 'redis', 'postgres');

    await redis.startAgain();
    await readinessBecomes(api, 200);
    // A redis-server without persistence came back empty: the old session is gone, new ones work.
    const login = await api.send('post', '/sessions', json({ username: 'rita', password }));
    expect(login.status).toBe(200);
    const refreshed = await api.send('post', '/sessions/refresh', json({ refresh_token: (login.body as TokensJson).refresh_token }));
    expect(refreshed.status).toBe(200);
  });
});

describe('Redis hangs (accepts connections, answers nothing) under a running API', () => {
  let redis: PrivateRedisServer;
  let api: ComposedApi;
  beforeAll(async () => {
    redis = await PrivateRedisServer.start();
    api = await startComposedApi({ backing: realStores({ redisUrl: redis.url }) });
  });
  afterAll(async () => {
    redis?.signal('SIGCONT');
    await api?.close();
    await redis?.stop();
  });

  it('answers 503 within a second, names redis in /readyz, and serves the same session once Redis answers again', async () => {
    const { tokens } = await api.account('hugo', password);
    redis.signal('SIGSTOP');

    await expectUnavailableFast(() => api.send('post', '/sessions', json({ username: 'hugo', password })));
    await expectUnavailableFast(() => api.send('post', '/sessions/refresh', json({ refresh_token: tokens.refresh_token })));
    await expectAliveButNotReady(api, 'redis', 'postgres');

    redis.signal('SIGCONT');
    await readinessBecomes(api, 200);
    expect((await api.send('post', '/sessions/refresh', json({ refresh_token: tokens.refresh_token }))).status).toBe(200);
  });
});

describe('an API started while Redis is down', () => {
  let redis: PrivateRedisServer;
  let api: ComposedApi;
  beforeAll(async () => {
    redis = await PrivateRedisServer.start();
    await redis.stop();
  });
  afterAll(async () => {
    await api?.close();
    await redis?.stop();
  });

  it('composes within about a second, answers 503 meanwhile, and serves once Redis is up', async () => {
    const stores = await realStores({ redisUrl: redis.url })();
    const { result, ms } = await timed(() => startComposedApi({ backing: async () => stores }));
    api = result;
    expect(ms).toBeLessThan(1_500);

    await expectUnavailableFast(() => api.send('post', '/users', json({ username: 'early', password })));
    await expectAliveButNotReady(api, 'redis', 'postgres');

    await redis.startAgain();
    await readinessBecomes(api, 200);
    expect((await api.send('post', '/users', json({ username: 'early', password }))).status).toBe(201);
    expect((await api.send('post', '/sessions', json({ username: 'early', password }))).status).toBe(200);
  });
});

describe('PostgreSQL goes unreachable under a running API', () => {
  let proxy: CuttableTcpProxy;
  let api: ComposedApi;
  beforeAll(async () => {
    proxy = await CuttableTcpProxy.start(sharedPostgresAddress());
    api = await startComposedApi({ backing: realStores({ databaseUrl: databaseUrlThrough(proxy) }) });
  });
  afterAll(async () => {
    await api?.close();
    await proxy?.close();
  });

  it('answers 503 within a second for sign-up and log-in, stays up, names postgres in /readyz, and recovers when it is back', async () => {
    const { tokens } = await api.account('paula', password);
    proxy.cut();

    await expectUnavailableFast(() => api.send('post', '/users', json({ username: 'newcomer', password })));
    await expectUnavailableFast(() => api.send('post', '/sessions', json({ username: 'paula', password })));
    await expectAliveButNotReady(api, 'postgres', 'redis');
    // Sessions live in Redis: a refresh needs no PostgreSQL.
    expect((await api.send('post', '/sessions/refresh', json({ refresh_token: tokens.refresh_token }))).status).toBe(200);

    proxy.restore();
    await readinessBecomes(api, 200);
    expect((await api.send('post', '/users', json({ username: 'newcomer', password }))).status).toBe(201);
    expect((await api.send('post', '/sessions', json({ username: 'paula', password }))).status).toBe(200);
  });
});

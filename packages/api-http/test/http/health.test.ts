import { describe, expect, it } from 'vitest';
import { UnauthorizedError } from '@hdoc/domain';
import { tokenSigningCheck, type ReadinessCheck } from '@hdoc/composition';
import { loadHttpConfig } from '../../src/composition/config.js';
import { composeLocalApi } from '../support/local-app.js';
import { exampleApp } from '../support/example-api.js';
import { checkedFetch, OpenApiValidator } from '../support/openapi-validator.js';
import { startServer } from '../support/test-server.js';

async function withChecks<T>(checks: ReadinessCheck[], use: (send: ReturnType<typeof checkedFetch>) => Promise<T>): Promise<T> {
  const { app, openApi } = exampleApp({ readinessChecks: () => checks, readinessTimeoutMs: 200 });
  const server = await startServer(app);
  try {
    return await use(checkedFetch(server.url, new OpenApiValidator(openApi)));
  } finally {
    await server.close();
  }
}

const ok = (name: string): ReadinessCheck => ({ name, check: () => Promise.resolve() });

describe('/healthz and /readyz', () => {
  it('answers liveness without checking dependencies', async () => {
    const failing: ReadinessCheck = { name: 'redis', check: () => Promise.reject(new Error('down')) };
    await withChecks([failing], async (send) => {
      const response = await send('get', '/healthz');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok' });
    });
  });

  it('is ready when every check passes, and reports each', async () => {
    await withChecks([ok('dynamodb'), ok('redis')], async (send) => {
      const response = await send('get', '/readyz');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'ok',
        checks: [
          { name: 'dynamodb', status: 'ok' },
          { name: 'redis', status: 'ok' },
        ],
      });
      expect(response.headers.get('cache-control')).toBe('no-store');
    });
  });

  it('answers 503 dependency_unavailable naming the failed checks but not their errors', async () => {
    const failing: ReadinessCheck = {
      name: 'redis',
      check: () => Promise.reject(new Error('connect ECONNREFUSED 10.1.2.3:6379 password=hunter2')),
    };
    await withChecks([ok('dynamodb'), failing], async (send) => {
      const response = await send('get', '/readyz');
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({
        error: { code: 'dependency_unavailable', message: 'not ready: redis', details: [] },
        checks: [
          { name: 'dynamodb', status: 'ok' },
          { name: 'redis', status: 'failed' },
        ],
      });
      expect(response.text).not.toContain('10.1.2.3');
      expect(response.text).not.toContain('hunter2');
    });
  });

  it('reports the composed memory family by name: the token signing key and the in-process worker', async () => {
    const composition = await composeLocalApi(loadHttpConfig({}), { logger: exampleApp().logs.logger });
    const server = await startServer(composition.app);
    try {
      const send = checkedFetch(server.url, new OpenApiValidator(composition.openApi));
      const ready = await send('get', '/readyz');
      expect(ready.status).toBe(200);
      expect((ready.body as { checks: { name: string; status: string }[] }).checks).toEqual([
        expect.objectContaining({ name: 'token-signing-key', status: 'ok' }),
        expect.objectContaining({ name: 'in-process-worker', status: 'ok' }),
      ]);
      // Shutting down stops the worker: the instance must leave the load balancer.
      await composition.closers.closeAll();
      const stopping = await send('get', '/readyz');
      expect(stopping.status).toBe(503);
      expect(stopping.body).toMatchObject({ error: { message: 'not ready: in-process-worker' } });
    } finally {
      await server.close();
      await composition.closers.closeAll();
    }
  });

  it('fails the token check when the signing key cannot sign or verify', async () => {
    const broken = tokenSigningCheck({
      issue: () => Promise.resolve({ token: 'signed-with-a-lost-key', expiresInSeconds: 900 }),
      verify: () => Promise.reject(new UnauthorizedError()),
    });
    await withChecks([ok('dynamodb'), broken], async (send) => {
      const response = await send('get', '/readyz');
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ error: { message: 'not ready: token-signing-key' } });
    });
  });

  it('fails a check that hangs instead of hanging', async () => {
    const hanging: ReadinessCheck = { name: 'sqs', check: () => new Promise(() => undefined) };
    const started = Date.now();
    await withChecks([hanging], async (send) => {
      const response = await send('get', '/readyz');
      expect(response.status).toBe(503);
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

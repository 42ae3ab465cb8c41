import { ClockToken, LogIn, SessionStoreToken, TokenServiceToken, UserRepositoryToken } from '@hdoc/domain';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { compose } from '../src/container/compose.js';
import { loadRuntimeConfig } from '../src/config/runtime-config.js';

const silent = pino({ level: 'silent' });

describe('compose', () => {
  it("binds an entrypoint's use cases on the memory family, one singleton each, with the token key as a readiness check", async () => {
    const { container, resolve, readiness, closers } = await compose({ service: 'test', config: loadRuntimeConfig({}), useCases: [LogIn], logger: silent });
    expect(resolve(LogIn)).toBe(resolve(LogIn));
    expect(container.isBound(ClockToken) && container.isBound(UserRepositoryToken) && container.isBound(TokenServiceToken)).toBe(true);
    expect(readiness.all().map((check) => check.name)).toEqual(['token-signing-key']);
    await Promise.all(readiness.all().map((check) => check.check()));
    await closers.closeAll();
  });

  it('opens the identity stores on aws when asked, and registers postgres and redis as readiness checks and closers', async () => {
    const config = loadRuntimeConfig({
      ADAPTERS_IDENTITY: 'aws',
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: `hdoc-compose-test-${process.pid}:`,
      DATABASE_URL: process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
    });
    const { resolve, readiness, closers } = await compose({ service: 'test', config, useCases: [LogIn], logger: silent });
    try {
      expect(resolve(SessionStoreToken).constructor.name).toBe('RedisSessionStore');
      expect(resolve(UserRepositoryToken).constructor.name).toBe('PostgresUserRepository');
      expect(readiness.all().map((check) => check.name)).toEqual(['postgres', 'redis', 'token-signing-key']);
      await Promise.all(readiness.all().map((check) => check.check()));
    } finally {
      await closers.closeAll();
    }
  });
});

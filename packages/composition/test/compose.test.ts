import { ClockToken, GetLeaderboardPage, LeaderboardToken, LogIn, SessionStoreToken, TokenServiceToken, UserRepositoryToken } from '@hdoc/domain';
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

describe('compose: the challenge group on aws', () => {
  // The SDK clients connect per request, so composing reaches no server: these endpoints are never called.
  const challengeOnAws = {
    ADAPTERS_CHALLENGE: 'aws',
    CHALLENGE_TABLE: 'hdoc-test-challenge',
    VERIFICATION_QUEUE_URL: 'http://127.0.0.1:9/000000000000/hdoc-test-verification',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  };

  it('keeps the leaderboard in the challenge table by default, and probes dynamodb and sqs', async () => {
    const { resolve, readiness, closers } = await compose({ service: 'test', config: loadRuntimeConfig(challengeOnAws), useCases: [GetLeaderboardPage], logger: silent });
    expect(resolve(LeaderboardToken).constructor.name).toBe('DynamoDbLeaderboard');
    expect(readiness.all().map((check) => check.name)).toEqual(['dynamodb', 'sqs']);
    await closers.closeAll();
  });

  it('keeps it in Redis sorted sets with LEADERBOARD_STORE=redis, and probes redis too', async () => {
    const config = loadRuntimeConfig({ ...challengeOnAws, LEADERBOARD_STORE: 'redis', REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: `hdoc-compose-test-${process.pid}:` });
    const { resolve, readiness, closers } = await compose({ service: 'test', config, useCases: [GetLeaderboardPage], logger: silent });
    expect(resolve(LeaderboardToken).constructor.name).toBe('RedisLeaderboard');
    expect(readiness.all().map((check) => check.name)).toEqual(['dynamodb', 'sqs', 'redis']);
    await closers.closeAll();
  });
});

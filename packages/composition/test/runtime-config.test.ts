import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config/config-error.js';
import { loadRuntimeConfig } from '../src/config/runtime-config.js';

describe('loadRuntimeConfig: the adapter family of each port group', () => {
  it('runs every group in memory by default, an empty variable counting as unset', () => {
    const all = { challenge: 'memory', identity: 'memory', photos: 'memory' };
    expect(loadRuntimeConfig({}).adapters).toEqual(all);
    expect(loadRuntimeConfig({ ADAPTERS: '', ADAPTERS_IDENTITY: '' }).adapters).toEqual(all);
  });

  it('puts one group on aws with its own variable, and requires REDIS_URL for the identity stores', () => {
    const config = loadRuntimeConfig({ ADAPTERS_IDENTITY: 'aws', REDIS_URL: 'redis://127.0.0.1:6379', POSTGRES_SCHEMA: 'hdoc_test' });
    expect(config.adapters).toEqual({ challenge: 'memory', identity: 'aws', photos: 'memory' });
    expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6379', keyPrefix: 'hdoc:' });
    expect(config.postgres).toEqual({ connectionString: undefined, schema: 'hdoc_test' });
    expect(() => loadRuntimeConfig({ ADAPTERS_IDENTITY: 'aws' })).toThrow(/^invalid configuration: REDIS_URL: required when its port group runs on aws$/);
  });

  it('names every resource ADAPTERS=aws lacks, and reads the ones the SAM template sets', () => {
    let caught: unknown;
    try {
      loadRuntimeConfig({ ADAPTERS: 'aws' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems.map((problem) => problem.split(':')[0])).toEqual([
      'REDIS_URL',
      'CHALLENGE_TABLE',
      'VERIFICATION_QUEUE_URL',
      'PHOTOS_TABLE',
      'PHOTOS_BUCKET',
    ]);
    const config = loadRuntimeConfig({
      ADAPTERS: 'aws',
      REDIS_URL: 'rediss://cache.example.com:6379',
      CHALLENGE_TABLE: 'hdoc-dev-challenge',
      PHOTOS_TABLE: 'hdoc-dev-photos',
      PHOTOS_BUCKET: 'hdoc-dev-photos-123',
      VERIFICATION_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/1/hdoc-dev-verification',
      AWS_DEFAULT_REGION: 'eu-west-1',
    });
    expect(config.adapters).toEqual({ challenge: 'aws', identity: 'aws', photos: 'aws' });
    expect(config.aws).toMatchObject({
      region: 'eu-west-1',
      endpoint: undefined,
      tables: { challenge: 'hdoc-dev-challenge', photos: 'hdoc-dev-photos' },
      photosBucket: 'hdoc-dev-photos-123',
    });
  });

  it('names every bad variable without echoing a value', () => {
    let caught: unknown;
    try {
      loadRuntimeConfig({ ADAPTERS: 'cloud-s3cr3t', LOG_LEVEL: 'loud-s3cr3t', REDIS_URL: 'http://s3cr3t@host', REDIS_KEY_PREFIX: '{s3cr3t}' });
    } catch (error) {
      caught = error;
    }
    const error = caught as ConfigError;
    expect(error.problems.map((problem) => problem.split(':')[0])).toEqual(['LOG_LEVEL', 'ADAPTERS', 'REDIS_URL', 'REDIS_KEY_PREFIX']);
    expect(error.message).not.toContain('s3cr3t');
  });
});

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
    expect(() => loadRuntimeConfig({ ADAPTERS_IDENTITY: 'aws' })).toThrow(/^invalid configuration: REDIS_URL: required when the identity group runs on aws/);
  });

  it('says which port groups ADAPTERS=aws cannot serve yet, naming their ports and how to keep them in memory', () => {
    let caught: unknown;
    try {
      loadRuntimeConfig({ ADAPTERS: 'aws', REDIS_URL: 'redis://127.0.0.1:6379' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const { message } = caught as ConfigError;
    expect(message).toContain('challenge (ProfileRepository, EntryRepository, Leaderboard, VerificationQueue, EntryVerifier)');
    expect(message).toContain('photos (PhotoCatalog, ObjectStorage, UploadUrlSigner, ViewUrlSigner)');
    expect(message).toContain('It serves identity');
    expect(message).toContain('ADAPTERS_CHALLENGE=memory ADAPTERS_PHOTOS=memory');
    // With those two kept in memory, the same configuration is served.
    expect(
      loadRuntimeConfig({ ADAPTERS: 'aws', ADAPTERS_CHALLENGE: 'memory', ADAPTERS_PHOTOS: 'memory', REDIS_URL: 'redis://127.0.0.1:6379' }).adapters,
    ).toEqual({ challenge: 'memory', identity: 'aws', photos: 'memory' });
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

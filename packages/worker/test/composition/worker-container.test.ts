import { ALL_USE_CASES, ImageInspectorToken, IngestStorageEvent, VerifyEntry } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { resolverOf } from '../../src/composition/resolver.js';
import { createWorkerContainer } from '../../src/composition/worker-container.js';
import { ConfigError, loadWorkerConfig } from '../../src/composition/worker-config.js';

describe('loadWorkerConfig', () => {
  it('defaults to the memory family at info level, an empty variable counting as unset', () => {
    expect(loadWorkerConfig({})).toEqual({ adapters: 'memory', logLevel: 'info' });
    expect(loadWorkerConfig({ ADAPTERS: '', LOG_LEVEL: '' })).toEqual({ adapters: 'memory', logLevel: 'info' });
  });

  it('reads ADAPTERS and LOG_LEVEL', () => {
    expect(loadWorkerConfig({ ADAPTERS: 'aws', LOG_LEVEL: 'debug' })).toEqual({ adapters: 'aws', logLevel: 'debug' });
  });

  it('names every invalid variable without echoing its value', () => {
    let caught: unknown;
    try {
      loadWorkerConfig({ ADAPTERS: 'dynamo-secret', LOG_LEVEL: 'loud-secret' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.problems.map((problem) => problem.split(':')[0])).toEqual(['ADAPTERS', 'LOG_LEVEL']);
    expect(error.message).not.toContain('secret');
  });
});

describe('createWorkerContainer', () => {
  it('refuses the AWS family with a clear configuration error', async () => {
    await expect(createWorkerContainer({ adapters: 'aws', logLevel: 'info' })).rejects.toThrow(
      new ConfigError(['ADAPTERS: the AWS adapter family is not available yet; use ADAPTERS=memory']),
    );
  });

  it('binds the whole use-case catalogue on the memory family, one singleton each', async () => {
    const resolve = resolverOf(await createWorkerContainer({ adapters: 'memory', logLevel: 'info' }));
    for (const { useCase } of ALL_USE_CASES) expect(resolve(useCase)).toBeInstanceOf(useCase);
    expect(resolve(VerifyEntry)).toBe(resolve(VerifyEntry));
    expect(resolve(IngestStorageEvent)).toBe(resolve(IngestStorageEvent));
    expect(typeof resolve(ImageInspectorToken).inspect).toBe('function');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SqsBatchHandler } from '../../src/sqs/sqs-batch-handler.js';
import { lambdaContext, sqsEvent } from '../support/sqs-events.js';

// The modules SAM bundles (deploy/template.yaml): each composes itself from process.env on import.
const ENTRY_MODULES = ['../../src/lambda/verify-entry.js', '../../src/lambda/ingest-storage-event.js'] as const;

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('the Lambda entry modules', () => {
  it.each(ENTRY_MODULES)('%s exports a partial-batch handler composed from the environment', async (path) => {
    vi.stubEnv('ADAPTERS', 'memory');
    vi.stubEnv('LOG_LEVEL', 'silent');
    const { handler } = (await import(path)) as { handler: SqsBatchHandler };
    expect(await handler(sqsEvent(['not a message']), lambdaContext)).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-1' }] });
  });

  it.each(ENTRY_MODULES)('%s fails its cold start on ADAPTERS=aws without its resources, naming them', async (path) => {
    vi.stubEnv('ADAPTERS', 'aws');
    vi.stubEnv('LOG_LEVEL', 'silent');
    await expect(import(path)).rejects.toThrow(/^invalid configuration: REDIS_URL: required when its port group runs on aws; CHALLENGE_TABLE: required/);
  });
});

describe('the sweep Lambda', () => {
  it('composes from the environment and applies the due transitions (none on an empty store)', async () => {
    vi.stubEnv('ADAPTERS', 'memory');
    vi.stubEnv('LOG_LEVEL', 'silent');
    const { handler } = (await import('../../src/lambda/sweep-time-transitions.js')) as { handler: () => Promise<unknown> };
    expect(await handler()).toEqual({ profilesTransitioned: 0, entriesRequeued: 0 });
  });
});

import { ConfigError } from '@hdoc/composition';
import { describe, expect, it } from 'vitest';
import { loadWorkerConfig } from '../../src/process/worker-config.js';

const AWS = {
  ADAPTERS: 'aws',
  ADAPTERS_IDENTITY: 'memory',
  CHALLENGE_TABLE: 'hdoc-challenge',
  PHOTOS_TABLE: 'hdoc-photos',
  PHOTOS_BUCKET: 'hdoc-photos',
  VERIFICATION_QUEUE_URL: 'http://127.0.0.1:1/1/hdoc-verification',
  PHOTO_EVENTS_QUEUE_URL: 'http://127.0.0.1:1/1/hdoc-photo-events',
};

const problemsOf = (environment: Record<string, string>): readonly string[] => {
  try {
    loadWorkerConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('loadWorkerConfig', () => {
  it('defaults to 2 batches at once per queue and a 60 s visibility timeout', () => {
    expect(loadWorkerConfig(AWS)).toMatchObject({ concurrency: 2, visibilityTimeoutSeconds: 60 });
    expect(loadWorkerConfig({ ...AWS, WORKER_CONCURRENCY: '8', WORKER_VISIBILITY_TIMEOUT_SECONDS: '5' })).toMatchObject({
      concurrency: 8,
      visibilityTimeoutSeconds: 5,
    });
  });

  it('reports every problem together, by variable name', () => {
    const { PHOTO_EVENTS_QUEUE_URL: _url, CHALLENGE_TABLE: _table, ...rest } = AWS;
    expect(problemsOf({ ...rest, WORKER_CONCURRENCY: '0', WORKER_VISIBILITY_TIMEOUT_SECONDS: 'soon' })).toEqual([
      'CHALLENGE_TABLE: required when its port group runs on aws',
      'WORKER_CONCURRENCY: must be an integer from 1 to 50',
      'WORKER_VISIBILITY_TIMEOUT_SECONDS: must be an integer from 2 to 43200',
    ]);
    expect(problemsOf({ ...rest, CHALLENGE_TABLE: 'hdoc-challenge' })).toEqual(['PHOTO_EVENTS_QUEUE_URL: required when the photos group runs on aws']);
  });

  it('refuses to run with no queue to consume', () => {
    expect(problemsOf({})).toEqual(['ADAPTERS: the worker consumes SQS queues; set it (or ADAPTERS_CHALLENGE / ADAPTERS_PHOTOS) to aws']);
  });
});

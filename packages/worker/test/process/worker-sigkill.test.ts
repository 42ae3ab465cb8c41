import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deadLetterQueueOf } from '../../src/dlq/dead-letters.js';
import { startGatedProxy, type GatedProxy } from '../support/gated-proxy.js';
import { photoOwner, type PhotoOwner } from '../support/photo-owner.js';
import { startWorker, type WorkerProcess } from '../support/worker-process.js';
import { startWorkerStack, type WorkerStack } from '../support/worker-stack.js';

const PHOTOS = 8;

describe('npm run worker killed with SIGKILL in the middle of a batch', () => {
  let stack: WorkerStack;
  let dynamoDb: GatedProxy;
  let owner: PhotoOwner;
  const workers: WorkerProcess[] = [];

  beforeEach(async () => {
    stack = await startWorkerStack();
    dynamoDb = await startGatedProxy(stack.env['AWS_ENDPOINT_URL_DYNAMODB']!);
    owner = await photoOwner(stack.env);
  });

  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      worker.child.kill('SIGKILL');
      await worker.exited;
    }
    await owner.close();
    await dynamoDb.stop();
    await stack.stop();
  });

  it('restarted, catalogues every uploaded object exactly once', async () => {
    const queueUrl = stack.env['PHOTO_EVENTS_QUEUE_URL']!;
    const uploaded: string[] = [];
    for (let i = 0; i < PHOTOS; i += 1) uploaded.push(await owner.upload());
    // Short visibility: what the killed worker had received comes back within seconds.
    const env = { ...stack.env, WORKER_VISIBILITY_TIMEOUT_SECONDS: '2', WORKER_CONCURRENCY: '1' };

    dynamoDb.close();
    const killed = startWorker({ ...env, AWS_ENDPOINT_URL_DYNAMODB: dynamoDb.endpoint });
    workers.push(killed);
    await dynamoDb.held();
    killed.child.kill('SIGKILL');
    expect(await killed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    dynamoDb.open();

    const restarted = startWorker(env);
    workers.push(restarted);
    await vi.waitFor(
      async () => {
        expect(await owner.ready()).toHaveLength(PHOTOS);
        expect(await stack.messages(queueUrl)).toMatchObject({ total: 0 });
      },
      { timeout: 30_000, interval: 200 },
    );
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toEqual({ code: 0, signal: null });

    const catalogued = await owner.ready();
    expect(catalogued.map((photo) => photo.id).sort()).toEqual([...uploaded].sort());
    expect(new Set(catalogued.map((photo) => photo.status))).toEqual(new Set(['ready']));
    // The killed worker's batch was delivered again to the restarted one.
    const ingested = restarted.lines().filter((line) => line.msg === 'storage event ingested');
    expect(ingested.some((line) => Number(line.receive_count) >= 2)).toBe(true);
    const { deadLetterUrl } = await deadLetterQueueOf(stack.sqs, queueUrl);
    expect(await stack.messages(deadLetterUrl)).toMatchObject({ total: 0 });
  });
});

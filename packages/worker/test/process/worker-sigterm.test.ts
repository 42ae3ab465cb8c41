import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGatedProxy, type GatedProxy } from '../support/gated-proxy.js';
import { startWorker, type WorkerProcess } from '../support/worker-process.js';
import { startWorkerStack, type WorkerStack } from '../support/worker-stack.js';

describe('npm run worker: configuration and graceful SIGTERM', () => {
  let stack: WorkerStack;
  let dynamoDb: GatedProxy;
  let worker: WorkerProcess | undefined;

  beforeEach(async () => {
    stack = await startWorkerStack();
    dynamoDb = await startGatedProxy(stack.env['AWS_ENDPOINT_URL_DYNAMODB']!);
  });

  afterEach(async () => {
    worker?.child.kill('SIGKILL');
    await worker?.exited;
    worker = undefined;
    await dynamoDb.stop();
    await stack.stop();
  });

  it('names a missing variable in one line and exits 1', async () => {
    const { PHOTO_EVENTS_QUEUE_URL: _omitted, ...env } = stack.env;
    worker = startWorker(env);
    expect(await worker.exited).toEqual({ code: 1, signal: null });
    expect(worker.stderr().trim()).toBe('invalid configuration: PHOTO_EVENTS_QUEUE_URL: required when the photos group runs on aws');
  });

  it('on SIGTERM during a slow batch, finishes it, deletes its messages and exits 0', async () => {
    const queueUrl = stack.env['VERIFICATION_QUEUE_URL']!;
    // Jobs of participants who do not exist: each reads the challenge table, then succeeds without effect.
    const jobs = [1, 2, 3].map((day) => ({ githubUsername: 'nobody', day, entryType: 'github', url: `https://github.com/nobody/cloud/commit/${day}` }));
    await stack.sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: jobs.map((job, index) => ({ Id: String(index), MessageBody: JSON.stringify(job) })) }));
    dynamoDb.close();
    worker = startWorker({ ...stack.env, AWS_ENDPOINT_URL_DYNAMODB: dynamoDb.endpoint, WORKER_CONCURRENCY: '1' });
    await dynamoDb.held();
    worker.child.kill('SIGTERM');
    await worker.line((line) => line.msg === 'signal received: finishing the work in flight');
    dynamoDb.open();
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    const outcomes = worker.lines().filter((line) => line.msg === 'entry verification done');
    expect(outcomes).toHaveLength(3);
    expect(await stack.messages(queueUrl)).toMatchObject({ total: 0 });
    const polling = worker.lines().filter((line) => line.msg === 'polling');
    expect(polling.map((line) => line.queue_url).sort()).toEqual([stack.env['PHOTO_EVENTS_QUEUE_URL'], queueUrl].sort());
    expect(worker.lines().some((line) => JSON.stringify(line).includes('nobody/cloud'))).toBe(false);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deadLetterQueueOf } from '../../src/dlq/dead-letters.js';
import { photoOwner, type PhotoOwner } from '../support/photo-owner.js';
import { runDlq, startWorker, type WorkerProcess } from '../support/worker-process.js';
import { startWorkerStack, type WorkerStack } from '../support/worker-stack.js';

const DEAD_LETTERED = 'message failed on its last receive: it moves to the dead-letter queue';

describe('poison messages and npm run dlq', () => {
  let stack: WorkerStack;
  let owner: PhotoOwner;
  const workers: WorkerProcess[] = [];

  beforeEach(async () => {
    stack = await startWorkerStack();
    owner = await photoOwner(stack.env);
  });

  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      worker.child.kill('SIGKILL');
      await worker.exited;
    }
    await owner.close();
    await stack.stop();
  });

  const stopped = async (worker: WorkerProcess) => {
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
  };

  it('a message failing maxReceiveCount times is dead-lettered and logged once; list shows it, redrive replays it once the cause is fixed', { timeout: 90_000 }, async () => {
    const queueUrl = stack.env['PHOTO_EVENTS_QUEUE_URL']!;
    const { deadLetterUrl } = await deadLetterQueueOf(stack.sqs, queueUrl);
    const photoId = await owner.upload();
    const env = { ...stack.env, WORKER_VISIBILITY_TIMEOUT_SECONDS: '2', WORKER_CONCURRENCY: '1' };

    // The cause: the worker is pointed at a photos table that does not exist.
    const broken = startWorker({ ...env, PHOTOS_TABLE: 'hdoc-no-such-table' });
    workers.push(broken);
    await broken.line((line) => line.msg === DEAD_LETTERED);
    await vi.waitFor(async () => expect(await stack.messages(deadLetterUrl)).toMatchObject({ total: 1 }), { timeout: 30_000, interval: 200 });
    await stopped(broken);
    const deadLettered = broken.lines().filter((line) => line.msg === DEAD_LETTERED);
    expect(deadLettered).toHaveLength(1);
    expect(deadLettered[0]).toMatchObject({ receive_count: 5, max_receive_count: 5, reason: expect.stringMatching(/^ResourceNotFoundException: /) });
    expect(broken.lines().filter((line) => line.msg === 'message failed')).toHaveLength(4);

    // list, by queue name: the message without its body, left in place.
    const queueName = queueUrl.split('/').at(-1)!;
    const listed = await runDlq(['list', queueName], stack.env);
    expect(listed).toMatchObject({ code: 0 });
    const [message, summary, ...rest] = listed.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rest).toEqual([]);
    expect(message).toMatchObject({ id: expect.any(String), receive_count: expect.any(Number), body_bytes: expect.any(Number) });
    expect(Number(message!['body_bytes'])).toBeGreaterThan(100);
    expect(message!['first_received_at']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(summary).toEqual({ queue: queueUrl, dead_letter_queue: deadLetterUrl, messages: 1 });
    expect(listed.stdout).not.toContain(photoId);
    expect(await stack.messages(deadLetterUrl)).toMatchObject({ visible: 1, total: 1 });

    // The cause fixed (the right table), redrive, by queue URL: processed once.
    const fixed = startWorker(env);
    workers.push(fixed);
    const redriven = await runDlq(['redrive', queueUrl], stack.env);
    expect(redriven).toMatchObject({ code: 0 });
    expect(JSON.parse(redriven.stdout)).toEqual({ queue: queueUrl, dead_letter_queue: deadLetterUrl, moved: 1, failed: 0 });
    await vi.waitFor(async () => expect(await owner.ready()).toEqual([{ id: photoId, status: 'ready' }]), { timeout: 30_000, interval: 200 });
    await vi.waitFor(async () => expect(await stack.messages(queueUrl)).toMatchObject({ total: 0 }), { timeout: 10_000, interval: 100 });
    await stopped(fixed);
    expect(fixed.lines().filter((line) => line.msg === 'storage event ingested')).toHaveLength(1);
    expect(await stack.messages(deadLetterUrl)).toMatchObject({ total: 0 });
  });

  it('answers a usage line for a bad command, and one line naming a queue without a dead-letter queue', async () => {
    expect(await runDlq(['peek', 'q'], stack.env)).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run dlq -- list|redrive QUEUE') });
    const { deadLetterUrl } = await deadLetterQueueOf(stack.sqs, stack.env['VERIFICATION_QUEUE_URL']!);
    const noDlq = await runDlq(['list', deadLetterUrl], stack.env);
    expect(noDlq.code).toBe(1);
    expect(noDlq.stderr.trim().split('\n').at(-1)).toBe(`dlq: the queue ${deadLetterUrl} has no RedrivePolicy, hence no dead-letter queue`);
  });
});

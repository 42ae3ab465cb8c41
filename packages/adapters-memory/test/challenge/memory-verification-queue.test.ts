import { describeVerificationQueueContract } from '@hdoc/contract-tests';
import type { VerificationJob } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { MemoryVerificationQueue } from '../../src/index.js';

describeVerificationQueueContract('MemoryVerificationQueue', async () => {
  const queue = new MemoryVerificationQueue();
  return { queue, readEnqueued: async () => queue.pending() };
});

const job = (day: number): VerificationJob => ({ githubUsername: 'ada', day, entryType: 'github', url: `https://github.com/ada/r/${day}` });

describe('MemoryVerificationQueue delivery', () => {
  it('delivers every job to the subscriber and resolves drained() once all are handled', async () => {
    const queue = new MemoryVerificationQueue();
    const seen: number[] = [];
    await queue.enqueue(job(1));
    queue.subscribe(async (j) => {
      seen.push(j.day);
    });
    await queue.enqueue(job(2));
    await queue.drained();
    expect(seen).toEqual([1, 2]);
    expect(queue.pending()).toEqual([]);
  });

  it('redelivers a job whose handler throws and dead-letters it after maxAttempts', async () => {
    const queue = new MemoryVerificationQueue(2);
    const attempts: number[] = [];
    queue.subscribe(async (j) => {
      attempts.push(j.day);
      if (j.day === 1) throw new Error('verifier down');
    });
    await queue.enqueue(job(1));
    await queue.enqueue(job(2));
    await queue.drained();
    expect(attempts).toEqual([1, 1, 2]);
    expect(queue.deadLetters.map((d) => [d.message.day, d.attempts])).toEqual([[1, 2]]);
  });
});

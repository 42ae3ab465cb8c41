import { MAX_ENQUEUE_DELAY_SECONDS, VerifierRateLimitedError } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { MemoryEntryVerifier } from '../../src/index.js';
import { challengeHarness, participant } from './challenge-harness.js';

const url = 'https://github.com/Ada-L/cloud/commit/1';
const job = { githubUsername: 'Ada-L', day: 1, entryType: 'github' as const, url };

/** A participant with one pending entry, whose verifier is rate limited for `retryAfterSeconds`. */
async function rateLimited(retryAfterSeconds: number) {
  const verifier = new MemoryEntryVerifier(() => {
    throw new VerifierRateLimitedError('GitHub', retryAfterSeconds);
  });
  const h = challengeHarness({ verifier });
  await h.register.execute({ githubUsername: 'Ada-L' });
  await h.submit.execute({ actor: participant('Ada-L'), day: 1, entryType: 'github', url });
  return { ...h, verifier };
}

describe('VerifyEntry when the verifier is rate limited', () => {
  it('queues the job again with the wait as its delay and succeeds, recording nothing', async () => {
    const h = await rateLimited(42);
    expect(await h.verifyEntry.execute(job)).toEqual({ outcome: 'deferred', confidence: null, reason: null, deferredSeconds: 42 });
    expect(h.queue.delayed()).toEqual([job]);
    expect(await h.entries.get(job)).toMatchObject({ verified: false, checkedAt: null });
  });

  it('caps the delay at the queue\'s maximum (the job is deferred again if it comes back too early) and waits at least a second', async () => {
    expect((await (await rateLimited(3600)).verifyEntry.execute(job)).deferredSeconds).toBe(MAX_ENQUEUE_DELAY_SECONDS);
    expect((await (await rateLimited(0.2)).verifyEntry.execute(job)).deferredSeconds).toBe(1);
  });

  it('never dead-letters a waiting job: the worker\'s delivery succeeds and the job waits out of sight', async () => {
    const h = await rateLimited(600);
    h.startWorker();
    await h.queue.drained();
    expect(h.queue.deadLetters).toEqual([]);
    expect(h.queue.pending()).toEqual([]);
    expect(h.queue.delayed()).toEqual([job]);
  });

  it('records the answer once the verifier answers again', async () => {
    const h = await rateLimited(5);
    await h.verifyEntry.execute(job);
    h.verifier.answerWith({ [url]: 100 });
    expect(await h.verifyEntry.execute(job)).toMatchObject({ outcome: 'recorded', confidence: 100 });
  });

  it('still throws any other verifier failure, so the queue delivers the job again', async () => {
    const h = challengeHarness({ verifier: new MemoryEntryVerifier(() => Promise.reject(new Error('GitHub is unreachable'))) });
    await h.register.execute({ githubUsername: 'Ada-L' });
    await h.submit.execute({ actor: participant('Ada-L'), day: 1, entryType: 'github', url });
    await expect(h.verifyEntry.execute(job)).rejects.toThrow('GitHub is unreachable');
    expect(h.queue.delayed()).toEqual([]);
  });
});

import { MAX_ENQUEUE_DELAY_SECONDS, type VerificationJob, type VerificationQueue } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { withSubject, type Disposable } from '../shared/contract-subject.js';

export interface VerificationQueueSubject extends Disposable {
  readonly queue: VerificationQueue;
  /** Everything enqueued so far and not yet consumed, read back through the adapter's own transport. */
  readonly readEnqueued: () => Promise<readonly VerificationJob[]>;
}

const byKey = (a: VerificationJob, b: VerificationJob): number =>
  `${a.githubUsername}#${a.day}#${a.entryType}#${a.url}`.localeCompare(`${b.githubUsername}#${b.day}#${b.entryType}#${b.url}`);

/**
 * The VerificationQueue port's documented behaviour: a job is queued, intact, once enqueue resolves,
 * and a delayed one stays out of sight until its delay has passed. Order is not part of the port (SQS
 * standard queues do not keep it), so jobs are compared as a set.
 */
export function describeVerificationQueueContract(
  adapterName: string,
  makeSubject: () => Promise<VerificationQueueSubject>,
): void {
  const run = (body: (s: VerificationQueueSubject) => Promise<void>) => () => withSubject(makeSubject, body);

  describe(`VerificationQueue contract: ${adapterName}`, () => {
    it('holds nothing before anything is enqueued', run(async ({ readEnqueued }) => {
      expect(await readEnqueued()).toEqual([]);
    }));

    it('holds every enqueued job with its fields intact once enqueue resolves', run(async ({ queue, readEnqueued }) => {
      const jobs: VerificationJob[] = [
        { githubUsername: 'Ada-L', day: 1, entryType: 'github', url: 'https://github.com/Ada-L/cloud/commit/abc' },
        { githubUsername: 'Ada-L', day: 1, entryType: 'twitter', url: 'https://x.com/ada/status/1?s=20&t=é' },
        { githubUsername: 'bob', day: 100, entryType: 'github', url: `https://github.com/bob/${'r'.repeat(1900)}` },
      ];
      for (const job of jobs) await queue.enqueue(job);
      expect([...(await readEnqueued())].sort(byKey)).toEqual([...jobs].sort(byKey));
    }));

    it('keeps a job enqueued twice twice (deduplication is the consumer\'s job)', run(async ({ queue, readEnqueued }) => {
      const job: VerificationJob = { githubUsername: 'ada', day: 2, entryType: 'github', url: 'https://github.com/ada/x' };
      await queue.enqueue(job);
      await queue.enqueue(job);
      expect(await readEnqueued()).toEqual([job, job]);
    }));

    it('does not let a caller mutate a job after enqueueing it', run(async ({ queue, readEnqueued }) => {
      const job = { githubUsername: 'ada', day: 3, entryType: 'github' as const, url: 'https://github.com/ada/y' };
      await queue.enqueue(job);
      job.url = 'https://github.com/ada/changed';
      expect(await readEnqueued()).toEqual([{ ...job, url: 'https://github.com/ada/y' }]);
    }));

    it('keeps a delayed job out of sight until its delay has passed', run(async ({ queue, readEnqueued }) => {
      const now: VerificationJob = { githubUsername: 'ada', day: 4, entryType: 'github', url: 'https://github.com/ada/now' };
      const soon: VerificationJob = { ...now, day: 5, url: 'https://github.com/ada/soon' };
      const late: VerificationJob = { ...now, day: 6, url: 'https://github.com/ada/late' };
      await queue.enqueue(late, { delaySeconds: MAX_ENQUEUE_DELAY_SECONDS });
      await queue.enqueue(soon, { delaySeconds: 1 });
      await queue.enqueue(now, { delaySeconds: 0 });
      expect(await readEnqueued()).toEqual([now]);
      // One read after the delay, not a polling loop: every read is a receive, and SQS dead-letters a job received too often.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect([...(await readEnqueued())].sort(byKey)).toEqual([now, soon]);
    }));

    it('refuses a delay outside 0..900 whole seconds and queues nothing', run(async ({ queue, readEnqueued }) => {
      const job: VerificationJob = { githubUsername: 'ada', day: 7, entryType: 'github', url: 'https://github.com/ada/z' };
      for (const delaySeconds of [-1, 1.5, MAX_ENQUEUE_DELAY_SECONDS + 1, Number.NaN]) {
        await expect(queue.enqueue(job, { delaySeconds })).rejects.toThrow(RangeError);
      }
      expect(await readEnqueued()).toEqual([]);
    }));
  });
}

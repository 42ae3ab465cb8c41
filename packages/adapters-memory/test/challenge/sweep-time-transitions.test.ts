import { ValidationError, VERIFICATION_REQUEUE_AFTER_MS, type Profile, type ProfileRepository, type VerificationQueue } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { challengeHarness, participant, type ChallengeHarness } from './challenge-harness.js';

const DAY = 86_400_000;
const ada = participant('Ada-L');

const activeNames = async (h: ChallengeHarness, status: 'active' | 'inactive') =>
  (await h.leaderboard.page({ limit: 100, status })).items.map((row) => row.githubUsername);

/** The repository as it is, with `afterDueRead` run after each due read (with what it listed) before the sweep sees it. */
function observingDueReads(afterDueRead: (due: readonly Profile[]) => Promise<void> | void) {
  return (inner: ProfileRepository): ProfileRepository => ({
    get: (u) => inner.get(u),
    getByGithubId: (id) => inner.getByGithubId(id),
    save: (p, v) => inner.save(p, v),
    rename: (from, p, v) => inner.rename(from, p, v),
    listTransitionDue: async (dueBy, limit) => {
      const due = await inner.listTransitionDue(dueBy, limit);
      await afterDueRead(due);
      return due;
    },
  });
}

describe('SweepTimeTransitions', () => {
  it('moves a participant inactive by time out of ?status=active, lapses the streak on the board, and is idempotent', async () => {
    const h = challengeHarness({ start: '2026-03-01T12:00:00Z' });
    await h.register.execute({ githubUsername: 'Ada-L' });
    await h.register.execute({ githubUsername: 'bob' });
    await h.submit.execute({ actor: ada, day: 1, entryType: 'github', url: 'https://github.com/Ada-L/cloud' });
    h.clock.set('2026-03-09T23:59:00Z'); // 8 days after bob registered, 8 after Ada's entry: both inactive from 9 March 00:00 UTC
    const before = (await h.getProfile.execute({ githubUsername: 'Ada-L' })).profile;
    expect(before).toMatchObject({ status: 'inactive', githubStreak: 0 });
    expect(await activeNames(h, 'active')).toEqual(['Ada-L', 'bob']); // the board is as of the last writes
    expect(await h.sweep.execute({})).toEqual({ profilesTransitioned: 2, entriesRequeued: 1 });
    expect(await activeNames(h, 'active')).toEqual([]);
    expect(await activeNames(h, 'inactive')).toEqual(['Ada-L', 'bob']);
    expect(await h.standing('Ada-L')).toMatchObject({ status: 'inactive', githubStreak: 0 });
    // A read after the sweep shows what a read before it showed: only the board caught up.
    expect((await h.getProfile.execute({ githubUsername: 'Ada-L' })).profile).toEqual({ ...before, version: before.version + 1 });
    expect(await h.sweep.execute({})).toEqual({ profilesTransitioned: 0, entriesRequeued: 0 });
  });

  it('reads only the profiles that are due, in bounded batches', async () => {
    const listed: number[] = [];
    const h = challengeHarness({
      start: '2026-03-01T12:00:00Z',
      wrap: { profiles: observingDueReads((due) => void listed.push(due.length)) },
    });
    for (let i = 0; i < 7; i += 1) await h.register.execute({ githubUsername: `early${i}` });
    h.clock.advance(3 * DAY);
    for (let i = 0; i < 20; i += 1) await h.register.execute({ githubUsername: `late${i}` });
    h.clock.set('2026-03-09T00:00:00Z');
    expect(await h.sweep.execute({ batchSize: 3 })).toEqual({ profilesTransitioned: 7, entriesRequeued: 0 });
    expect(listed).toEqual([3, 3, 1]);
    expect(await activeNames(h, 'inactive')).toHaveLength(7);
  });

  it('never puts a released profile back on the board', async () => {
    const h = challengeHarness({ start: '2026-03-01T12:00:00Z' });
    await h.register.execute({ githubUsername: 'ada', githubId: 1 });
    await h.register.execute({ githubUsername: 'ada', githubId: 2 }); // GitHub gave the name to another account
    h.clock.advance(30 * 86_400_000);
    expect(await h.sweep.execute({})).toEqual({ profilesTransitioned: 1, entriesRequeued: 0 });
    expect((await h.leaderboard.page({ limit: 100 })).items.map((row) => row.githubUsername)).toEqual(['ada']);
    expect(await h.standing('released~1')).toBeNull();
  });

  it('refuses a batch size outside 1..100', async () => {
    const h = challengeHarness();
    await expect(h.sweep.execute({ batchSize: 0 })).rejects.toBeInstanceOf(ValidationError);
    await expect(h.sweep.execute({ batchSize: 101 })).rejects.toBeInstanceOf(ValidationError);
  });

  it('skips a profile a concurrent write brought up to date after it was listed', async () => {
    let concurrentWrite = async (): Promise<void> => {};
    const h = challengeHarness({
      start: '2026-03-01T12:00:00Z',
      wrap: { profiles: observingDueReads(() => concurrentWrite()) },
    });
    await h.register.execute({ githubUsername: 'Ada-L' });
    h.clock.set('2026-03-10T00:00:00Z');
    concurrentWrite = async () => {
      concurrentWrite = async () => {};
      await h.update.execute({ actor: ada, patch: { bio: 'back' } });
    };
    expect(await h.sweep.execute({})).toEqual({ profilesTransitioned: 0, entriesRequeued: 0 });
    expect(await h.profiles.get('Ada-L')).toMatchObject({ bio: 'back', status: 'inactive', version: 2 });
    expect(await h.standing('Ada-L')).toMatchObject({ status: 'inactive', version: 2 });
  });

  it('re-queues an entry still pending 15 minutes after it was queued, then every 15 minutes, until answered', async () => {
    let failing = true;
    const h = challengeHarness({
      start: '2026-03-01T12:00:00Z',
      wrap: {
        queue: (inner): VerificationQueue => ({
          enqueue: async (job) => {
            if (failing) throw new Error('queue unavailable');
            await inner.enqueue(job);
          },
        }),
      },
    });
    await h.register.execute({ githubUsername: 'Ada-L' });
    const input = { actor: ada, day: 1, entryType: 'github', url: 'https://github.com/Ada-L/cloud' };
    await expect(h.submit.execute(input)).rejects.toThrow('queue unavailable'); // written, never queued, never retried
    failing = false;
    const job = { githubUsername: 'Ada-L', day: 1, entryType: 'github' as const, url: 'https://github.com/Ada-L/cloud' };
    h.clock.advance(VERIFICATION_REQUEUE_AFTER_MS - 1);
    expect((await h.sweep.execute({})).entriesRequeued).toBe(0);
    h.clock.advance(1);
    expect((await h.sweep.execute({})).entriesRequeued).toBe(1);
    expect(await h.sweep.execute({})).toEqual({ profilesTransitioned: 0, entriesRequeued: 0 });
    expect(h.queue.pending()).toEqual([job]);
    h.clock.advance(VERIFICATION_REQUEUE_AFTER_MS);
    expect((await h.sweep.execute({})).entriesRequeued).toBe(1);
    expect(h.queue.pending()).toEqual([job, job]);
    h.startWorker();
    await h.queue.drained();
    expect((await h.entries.get(job))?.requeueAt).toBeNull();
    h.clock.advance(DAY);
    expect((await h.sweep.execute({})).entriesRequeued).toBe(0);
  });
});

import {
  ConcurrentUpdateError,
  ForbiddenError,
  MAX_VERIFICATION_REASON_LENGTH,
  NotFoundError,
  toLeaderboardStanding,
  ValidationError,
  verificationStateOf,
  type VerificationQueue,
} from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { MemoryEntryVerifier, ShapeCheckingEntryVerifier } from '../../src/index.js';
import { challengeHarness, participant } from './challenge-harness.js';

const HOUR = 3_600_000;
const ada = participant('Ada-L');

async function registered(options: Parameters<typeof challengeHarness>[0] = {}) {
  const h = challengeHarness(options);
  await h.register.execute({ githubUsername: 'Ada-L', fullName: 'Ada Lovelace', twitterUsername: 'ada_cloud' });
  return h;
}

async function expectField(promise: Promise<unknown>, field: string): Promise<void> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).field).toBe(field);
}

describe('RegisterProfile', () => {
  it('creates a profile in UTC with no progress and puts it on the leaderboard', async () => {
    const h = challengeHarness();
    const { profile, created } = await h.register.execute({ githubUsername: 'Ada-L', fullName: 'Ada', bio: 'hi', twitterUsername: '@ada_cloud' });
    expect(created).toBe(true);
    expect(profile).toMatchObject({ githubUsername: 'Ada-L', fullName: 'Ada', bio: 'hi', twitterUsername: 'ada_cloud', timezone: 'UTC', status: 'active', daysCompleted: 0, githubStreak: 0, version: 1 });
    expect(await h.profiles.get('ada-l')).toEqual(profile);
    expect(await h.standing('ada-l')).toMatchObject({ ...toLeaderboardStanding(profile), rank: 1, totalScore: 0 });
  });

  it('is idempotent in any case and never overwrites what the participant edited', async () => {
    const h = await registered();
    await h.update.execute({ actor: ada, patch: { fullName: 'Countess Lovelace' } });
    const again = await h.register.execute({ githubUsername: 'ADA-l', fullName: 'From GitHub', bio: 'new bio' });
    expect(again.created).toBe(false);
    expect(again.profile).toMatchObject({ githubUsername: 'Ada-L', fullName: 'Countess Lovelace', bio: null, version: 2 });
  });

  it('drops GitHub data our rules refuse instead of refusing the sign-in, but not a bad username', async () => {
    const h = challengeHarness();
    const { profile } = await h.register.execute({ githubUsername: 'ada', fullName: 'x'.repeat(150), twitterUsername: 'not a handle' });
    expect(profile).toMatchObject({ fullName: null, twitterUsername: null });
    await expectField(h.register.execute({ githubUsername: '-ada' }), 'github_username');
  });

  it('lets concurrent first sign-ins create one profile', async () => {
    const h = challengeHarness();
    const results = await Promise.all(['bob', 'BOB', 'Bob'].map((githubUsername) => h.register.execute({ githubUsername })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.profile.githubUsername)).size).toBe(1);
  });
});

describe('UpdateProfile', () => {
  it('applies a patch, clears with null, and keeps the board in step', async () => {
    const h = await registered();
    const { profile } = await h.update.execute({
      actor: ada,
      patch: { bio: 'clouds', twitterUsername: null, linkedinProfile: 'https://www.linkedin.com/in/ada-l/', timezone: 'europe/paris' },
    });
    expect(profile).toMatchObject({ bio: 'clouds', twitterUsername: null, linkedinProfile: 'https://www.linkedin.com/in/ada-l', timezone: 'Europe/Paris', version: 2 });
    expect((await h.standing('Ada-L'))?.version).toBe(2);
  });

  it('refuses bad input naming the field and changes nothing', async () => {
    const h = await registered();
    const before = await h.profiles.get('Ada-L');
    await expectField(h.update.execute({ actor: ada, patch: { bio: 'ok', timezone: 'Mars/Base' } }), 'timezone');
    await expectField(h.update.execute({ actor: ada, patch: { fullName: 'x'.repeat(101) } }), 'full_name');
    await expectField(h.update.execute({ actor: ada, patch: { linkedinProfile: 'https://linkedin.com/ada' } }), 'linkedin_profile');
    expect(await h.profiles.get('Ada-L')).toEqual(before);
  });

  it('forbids a password account and reports an unknown participant', async () => {
    const h = await registered();
    await expect(h.update.execute({ actor: { subject: 'user-1', sessionId: 's' }, patch: { bio: 'x' } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(h.update.execute({ actor: participant('grace'), patch: { bio: 'x' } })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('SubmitEntry and verification', () => {
  it('stores an unverified entry, counts it, queues it, and the worker verifies it end to end', async () => {
    const h = await registered({ verifier: new ShapeCheckingEntryVerifier() });
    const url = 'https://github.com/Ada-L/100days/commit/1';
    const { entry } = await h.submit.execute({ actor: ada, day: 1, entryType: 'github', url });
    expect(entry).toMatchObject({ githubUsername: 'Ada-L', day: 1, entryType: 'github', url, verified: false, confidence: 0, localDate: '2026-03-01', revision: 1 });
    expect((await h.getProfile.execute({ githubUsername: 'ada-l' })).profile).toMatchObject({ githubEntryCount: 1, githubStreak: 1, daysCompleted: 0, githubScore: 0 });
    expect(h.queue.pending()).toEqual([{ githubUsername: 'Ada-L', day: 1, entryType: 'github', url }]);

    h.startWorker();
    await h.queue.drained();
    const { profile } = await h.getProfile.execute({ githubUsername: 'Ada-L' });
    expect(profile).toMatchObject({ daysCompleted: 1, githubScore: 60, githubEntryCount: 1, githubStreak: 1 });
    expect(await h.entries.get({ githubUsername: 'Ada-L', day: 1, entryType: 'github' })).toMatchObject({ verified: true, confidence: 60 });
    expect(await h.standing('Ada-L')).toMatchObject({ ...toLeaderboardStanding((await h.profiles.get('Ada-L'))!), totalScore: 60 });
  });

  it('replacing the url resets verification, keeps the first local date, and drops the stale job', async () => {
    const verifier = new MemoryEntryVerifier({ 'https://github.com/Ada-L/a': 90, 'https://github.com/Ada-L/b': 80 });
    const h = await registered({ verifier });
    await h.update.execute({ actor: ada, patch: { timezone: 'Asia/Tokyo' } }); // 21:00 in Tokyo
    const first = (await h.submit.execute({ actor: ada, day: 2, entryType: 'github', url: 'https://github.com/Ada-L/a' })).entry;
    h.clock.advance(4 * HOUR); // 01:00 the next day in Tokyo
    const second = (await h.submit.execute({ actor: ada, day: 2, entryType: 'github', url: 'https://github.com/Ada-L/b' })).entry;
    expect(second).toMatchObject({ url: 'https://github.com/Ada-L/b', verified: false, localDate: '2026-03-01', createdAt: first.createdAt, revision: 2 });
    h.startWorker();
    await h.queue.drained();
    expect(verifier.requests.map((r) => r.entry.url)).toEqual(['https://github.com/Ada-L/b']);
    expect((await h.getProfile.execute({ githubUsername: 'Ada-L' })).profile).toMatchObject({ githubScore: 80, daysCompleted: 1 });
  });

  it('the same url again changes nothing and re-queues only an unverified entry', async () => {
    const h = await registered({ verifier: new MemoryEntryVerifier({ 'https://github.com/Ada-L/ok': 70 }) });
    const input = { actor: ada, day: 3, entryType: 'github', url: 'https://github.com/Ada-L/ok' };
    const first = (await h.submit.execute(input)).entry;
    expect((await h.submit.execute(input)).entry).toEqual(first);
    expect(h.queue.pending()).toHaveLength(2);
    h.startWorker();
    await h.queue.drained();
    const version = (await h.profiles.get('Ada-L'))!.version;
    expect((await h.submit.execute(input)).entry).toMatchObject({ verified: true, confidence: 70, revision: 2 });
    await h.queue.drained();
    expect(h.queue.pending()).toEqual([]);
    expect((await h.profiles.get('Ada-L'))!.version).toBe(version);
  });

  it('RecordVerification ignores a result for a url the entry no longer has, and a missing entry', async () => {
    const h = await registered();
    await h.submit.execute({ actor: ada, day: 4, entryType: 'twitter', url: 'https://x.com/ada_cloud/status/1' });
    const stale = await h.recordVerification.execute({ githubUsername: 'Ada-L', day: 4, entryType: 'twitter', url: 'https://x.com/ada_cloud/status/0', confidence: 99, reason: 'found' });
    expect(stale.applied).toBe(false);
    expect((await h.recordVerification.execute({ githubUsername: 'Ada-L', day: 5, entryType: 'twitter', url: 'https://x.com/a/status/1', confidence: 99, reason: 'found' })).applied).toBe(false);
    expect((await h.profiles.get('Ada-L'))).toMatchObject({ twitterScore: 0, daysCompleted: 0 });
    await expectField(h.recordVerification.execute({ githubUsername: 'Ada-L', day: 4, entryType: 'twitter', url: 'https://x.com/ada_cloud/status/1', confidence: 101, reason: 'found' }), 'confidence');
  });

  it('stores the verifier\'s answer as the entry\'s verification state; a new url starts it over', async () => {
    const answers: Record<string, { confidence: number; reason: string }> = {
      'https://github.com/Ada-L/good': { confidence: 75, reason: 'commit found' },
      'https://github.com/Ada-L/weak': { confidence: 49, reason: 'commit not found' },
    };
    const h = await registered({ verifier: new MemoryEntryVerifier(({ entry }) => answers[entry.url]!) });
    const state = async (day: number) => verificationStateOf((await h.entries.get({ githubUsername: 'Ada-L', day, entryType: 'github' }))!);
    await h.submit.execute({ actor: ada, day: 7, entryType: 'github', url: 'https://github.com/Ada-L/good' });
    await h.submit.execute({ actor: ada, day: 8, entryType: 'github', url: 'https://github.com/Ada-L/weak' });
    expect(await state(7)).toEqual({ status: 'pending', confidence: 0, reason: null, checkedAt: null });
    h.clock.advance(HOUR);
    h.startWorker();
    await h.queue.drained();
    const checkedAt = new Date('2026-03-01T13:00:00.000Z');
    expect(await state(7)).toEqual({ status: 'verified', confidence: 75, reason: 'commit found', checkedAt });
    expect(await state(8)).toEqual({ status: 'rejected', confidence: 49, reason: 'commit not found', checkedAt });
    h.queue.unsubscribe();
    const { entry } = await h.submit.execute({ actor: ada, day: 7, entryType: 'github', url: 'https://github.com/Ada-L/weak' });
    expect(verificationStateOf(entry)).toEqual({ status: 'pending', confidence: 0, reason: null, checkedAt: null });
    expect(await state(7)).toEqual({ status: 'pending', confidence: 0, reason: null, checkedAt: null });
    // The same url again asks for a re-check of a rejected entry: pending until the verifier answers anew.
    answers['https://github.com/Ada-L/weak'] = { confidence: 90, reason: 'commit found' };
    const recheck = (await h.submit.execute({ actor: ada, day: 8, entryType: 'github', url: 'https://github.com/Ada-L/weak' })).entry;
    expect(verificationStateOf(recheck).status).toBe('pending');
    h.clock.advance(HOUR);
    h.startWorker();
    await h.queue.drained();
    expect(await state(8)).toEqual({ status: 'verified', confidence: 90, reason: 'commit found', checkedAt: new Date('2026-03-01T14:00:00.000Z') });
    // A verified entry submitted again with its url stays as it is and is not queued.
    const before = await h.entries.get({ githubUsername: 'Ada-L', day: 8, entryType: 'github' });
    expect((await h.submit.execute({ actor: ada, day: 8, entryType: 'github', url: 'https://github.com/Ada-L/weak' })).entry).toEqual(before);
    expect(h.queue.pending()).toEqual([]);
  });

  it('RecordVerification keeps the first time of an identical answer, stores a changed reason, and bounds the reason', async () => {
    const h = await registered();
    const url = 'https://github.com/Ada-L/same';
    const key = { githubUsername: 'Ada-L', day: 9, entryType: 'github' as const };
    await h.submit.execute({ actor: ada, day: 9, entryType: 'github', url });
    const answer = { ...key, url, confidence: 30, reason: '  repository is private ' };
    const first = (await h.recordVerification.execute(answer)).entry!;
    expect(first).toMatchObject({ verificationReason: 'repository is private', checkedAt: new Date('2026-03-01T12:00:00.000Z'), revision: 2 });
    h.clock.advance(HOUR);
    expect((await h.recordVerification.execute(answer)).entry).toEqual(first);
    const changed = (await h.recordVerification.execute({ ...answer, reason: 'repository not found' })).entry!;
    expect(changed).toMatchObject({ confidence: 30, verificationReason: 'repository not found', checkedAt: new Date('2026-03-01T13:00:00.000Z'), revision: 3 });
    const long = (await h.recordVerification.execute({ ...answer, reason: 'é'.repeat(500) })).entry!;
    expect(long.verificationReason).toBe('é'.repeat(MAX_VERIFICATION_REASON_LENGTH));
    await expectField(h.recordVerification.execute({ ...answer, reason: 42 as unknown as string }), 'reason');
  });

  it('refuses bad input naming the field and writes nothing', async () => {
    const h = await registered();
    await expectField(h.submit.execute({ actor: ada, day: 0, entryType: 'github', url: 'https://github.com/Ada-L/x' }), 'day');
    await expectField(h.submit.execute({ actor: ada, day: 101, entryType: 'github', url: 'https://github.com/Ada-L/x' }), 'day');
    await expectField(h.submit.execute({ actor: ada, day: 1.5, entryType: 'github', url: 'https://github.com/Ada-L/x' }), 'day');
    await expectField(h.submit.execute({ actor: ada, day: 1, entryType: 'mastodon', url: 'https://github.com/Ada-L/x' }), 'entry_type');
    await expectField(h.submit.execute({ actor: ada, day: 1, entryType: 'github', url: 'ftp://github.com/Ada-L/x' }), 'url');
    expect(await h.entries.listByParticipant('Ada-L')).toEqual([]);
    expect((await h.profiles.get('Ada-L'))?.version).toBe(1);
    expect(h.queue.pending()).toEqual([]);
  });

  it('throws when the job cannot be queued, and the retried PUT queues it', async () => {
    let failing = true;
    const h = await registered({
      wrap: {
        queue: (inner: VerificationQueue) => ({
          enqueue: async (job) => {
            if (failing) throw new Error('queue unavailable');
            await inner.enqueue(job);
          },
        }),
      },
    });
    const input = { actor: ada, day: 6, entryType: 'github', url: 'https://github.com/Ada-L/q' };
    await expect(h.submit.execute(input)).rejects.toThrow('queue unavailable');
    failing = false;
    await h.submit.execute(input);
    expect(h.queue.pending()).toEqual([{ githubUsername: 'Ada-L', day: 6, entryType: 'github', url: 'https://github.com/Ada-L/q' }]);
  });

  it('gives up with ConcurrentUpdateError when every save loses a race', async () => {
    const h = await registered({
      wrap: {
        progress: (inner) => ({
          read: (u) => inner.read(u),
          write: async (change) => {
            if (change.basis !== null) {
              // Someone else saves the profile first, every time (registration, basis null, goes through).
              const current = change.basis.profile;
              await h.profiles.save({ ...current, version: current.version + 1 }, current.version);
            }
            await inner.write(change);
          },
        }),
      },
    });
    await expect(h.submit.execute({ actor: ada, day: 1, entryType: 'github', url: 'https://github.com/Ada-L/r' })).rejects.toBeInstanceOf(ConcurrentUpdateError);
    expect(await h.entries.listByParticipant('Ada-L')).toEqual([]);
  });

  it('completed is terminal: 100 verified days complete the challenge, and un-verifying one keeps it', async () => {
    const h = await registered({ verifier: new MemoryEntryVerifier(() => ({ confidence: 50, reason: 'ok' })) });
    h.startWorker();
    for (let day = 1; day <= 100; day += 1) {
      await h.submit.execute({ actor: ada, day, entryType: 'github', url: `https://github.com/Ada-L/d${day}` });
      h.clock.advance(24 * HOUR);
    }
    await h.queue.drained();
    expect((await h.getProfile.execute({ githubUsername: 'Ada-L' })).profile).toMatchObject({ status: 'completed', daysCompleted: 100, githubScore: 5000, githubStreak: 100 });
    h.queue.unsubscribe();
    await h.submit.execute({ actor: ada, day: 1, entryType: 'github', url: 'https://github.com/Ada-L/changed' });
    h.clock.advance(30 * 24 * HOUR);
    expect((await h.getProfile.execute({ githubUsername: 'Ada-L' })).profile).toMatchObject({ status: 'completed', daysCompleted: 99, githubStreak: 0 });
    expect(await h.standing('Ada-L')).toMatchObject({ status: 'completed', daysCompleted: 99 });
  });
});

describe('GetProfile and ListEntries', () => {
  it('projects streaks and status to now while the board keeps the last write', async () => {
    const h = await registered();
    await h.submit.execute({ actor: ada, day: 1, entryType: 'twitter', url: 'https://x.com/ada_cloud/status/1' });
    h.clock.advance(24 * HOUR);
    await h.submit.execute({ actor: ada, day: 2, entryType: 'twitter', url: 'https://x.com/ada_cloud/status/2' });
    expect((await h.getProfile.execute({ githubUsername: 'Ada-L' })).profile).toMatchObject({ twitterStreak: 2, status: 'active' });
    h.clock.advance(2 * 24 * HOUR);
    expect((await h.getProfile.execute({ githubUsername: 'Ada-L' })).profile).toMatchObject({ twitterStreak: 0, status: 'active' });
    h.clock.advance(6 * 24 * HOUR);
    expect((await h.getProfile.execute({ githubUsername: 'Ada-L' })).profile).toMatchObject({ twitterStreak: 0, status: 'inactive' });
    expect(await h.standing('Ada-L')).toMatchObject({ twitterStreak: 2, status: 'active' });
    await expect(h.getProfile.execute({ githubUsername: 'grace' })).rejects.toBeInstanceOf(NotFoundError);
    await expectField(h.getProfile.execute({ githubUsername: 'not valid' }), 'github_username');
  });

  it('pages entries by day then type without skipping or repeating', async () => {
    const h = await registered();
    for (const [day, entryType] of [[3, 'twitter'], [1, 'github'], [3, 'github'], [2, 'twitter'], [1, 'twitter']] as const) {
      await h.submit.execute({ actor: ada, day, entryType, url: `https://example.com/${day}/${entryType}` });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await h.listEntries.execute({ githubUsername: 'ada-l', limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => `${e.day}${e.entryType}`));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(['1github', '1twitter', '2twitter', '3github', '3twitter']);
    await expectField(h.listEntries.execute({ githubUsername: 'Ada-L', cursor: 'bogus' }), 'cursor');
    await expectField(h.listEntries.execute({ githubUsername: 'Ada-L', limit: 101 }), 'limit');
    await expect(h.listEntries.execute({ githubUsername: 'grace' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

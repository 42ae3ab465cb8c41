import { isTransitionDue, toLeaderboardStanding, type Entry, type EntryType, type Profile } from '@hdoc/domain';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { challengeHarness, participant, scheduled, type ChallengeHarness } from './challenge-harness.js';

const PARTICIPANTS = ['Ada-L', 'bob', 'Cy'] as const;
const ZONES = ['UTC', 'Europe/Paris', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

type Action =
  | { kind: 'submit'; who: number; day: number; entryType: EntryType; variant: number }
  | { kind: 'verify'; who: number; day: number; entryType: EntryType; confidence: number }
  | { kind: 'advance'; minutes: number }
  | { kind: 'midnight'; who: number; offsetMinutes: number }
  | { kind: 'timezone'; who: number; zone: string }
  | { kind: 'sweep' };

const who = fc.integer({ min: 0, max: PARTICIPANTS.length - 1 });
const entryType = fc.constantFrom<EntryType>('github', 'twitter');
const day = fc.integer({ min: 1, max: 10 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('submit' as const), who, day, entryType, variant: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('verify' as const), who, day, entryType, confidence: fc.integer({ min: 0, max: 100 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 0, max: 4 * 24 * 60 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('midnight' as const), who, offsetMinutes: fc.integer({ min: -2, max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('timezone' as const), who, zone: fc.constantFrom(...ZONES) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'sweep' as const }) },
);

const url = (login: string, day: number, type: EntryType, variant: number) =>
  type === 'github' ? `https://github.com/${login}/cloud/commit/${day}v${variant}` : `https://x.com/${login.replace('-', '_')}/status/${day}0${variant}`;

/** The time-dependent part of a profile or row. */
const timeDependent = (p: Pick<Profile, 'githubStreak' | 'twitterStreak' | 'status'>) => ({
  githubStreak: p.githubStreak,
  twitterStreak: p.twitterStreak,
  status: p.status,
});

/** Between sweeps: every participant whose transition is not due reads the same on the board as on the profile. */
async function expectBoardCurrentUnlessDue(h: ChallengeHarness): Promise<void> {
  const now = h.clock.now();
  for (const login of PARTICIPANTS) {
    const stored = (await h.profiles.get(login)) as Profile;
    const { profile } = await h.getProfile.execute({ githubUsername: login });
    expect(stored.nextTransitionAt === null || stored.nextTransitionAt.getTime() > stored.updatedAt.getTime()).toBe(true);
    if (!isTransitionDue(stored, now)) {
      expect(timeDependent((await h.standing(login))!)).toEqual(timeDependent(profile));
    }
  }
}

/** Right after a sweep: nothing is due, the board equals the projected profiles, and the status filter agrees. */
async function expectSwept(h: ChallengeHarness): Promise<void> {
  const now = h.clock.now();
  const projected = new Map<string, Profile>();
  for (const login of PARTICIPANTS) {
    const stored = (await h.profiles.get(login)) as Profile;
    const { profile } = await h.getProfile.execute({ githubUsername: login });
    projected.set(login, profile);
    expect(stored.nextTransitionAt === null || stored.nextTransitionAt.getTime() > now.getTime()).toBe(true);
    expect(profile).toEqual(stored);
    expect(await h.standing(login)).toMatchObject(toLeaderboardStanding(profile));
  }
  for (const status of ['active', 'inactive', 'completed'] as const) {
    const page = await h.leaderboard.page({ limit: 100, status });
    const expected = PARTICIPANTS.filter((login) => projected.get(login)?.status === status);
    expect(page.items.map((row) => row.githubUsername).sort()).toEqual([...expected].sort());
  }
  for (const login of PARTICIPANTS) {
    for (const entry of await h.entries.listByParticipant(login)) {
      if (entry.checkedAt === null) expect(entry.requeueAt!.getTime()).toBeGreaterThan(now.getTime());
      else expect(entry.requeueAt).toBeNull();
    }
  }
  expect(await h.sweep.execute({ batchSize: 2 })).toEqual({ profilesTransitioned: 0, entriesRequeued: 0 });
}

describe('SweepTimeTransitions over random histories (memory adapters, manual clock)', () => {
  it('leaves every board row equal to the projected profile, nothing due, and a second run with nothing to do', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('2026-02-27T09:00:00Z', '2026-09-01T20:00:00Z', '2026-04-01T03:00:00Z'), fc.array(action, { maxLength: 40 }), async (start, actions) => {
        const h = challengeHarness({ start });
        const zones = new Map<string, string>();
        for (const login of PARTICIPANTS) {
          await h.register.execute({ githubUsername: login, twitterUsername: login.replace('-', '_') });
          zones.set(login, 'UTC');
        }
        for (const step of actions) {
          const login = 'who' in step ? PARTICIPANTS[step.who]! : '';
          if (step.kind === 'submit') {
            await h.submit.execute({ actor: participant(login), day: step.day, entryType: step.entryType, url: url(login, step.day, step.entryType, step.variant) });
          } else if (step.kind === 'verify') {
            const entry = await h.entries.get({ githubUsername: login, day: step.day, entryType: step.entryType });
            if (entry !== null) {
              await h.recordVerification.execute({ githubUsername: login, day: step.day, entryType: step.entryType, url: entry.url, confidence: step.confidence, reason: 'checked' });
            }
          } else if (step.kind === 'advance') {
            h.clock.advance(step.minutes * 60_000);
          } else if (step.kind === 'midnight') {
            const now = h.clock.now();
            const next = DateTime.fromJSDate(now, { zone: zones.get(login) }).plus({ days: 1 }).startOf('day').plus({ minutes: step.offsetMinutes });
            h.clock.set(Math.max(now.getTime(), next.toMillis()));
          } else if (step.kind === 'timezone') {
            await h.update.execute({ actor: participant(login), patch: { timezone: step.zone } });
            zones.set(login, step.zone);
          } else {
            await h.sweep.execute({ batchSize: 2 });
            await expectSwept(h);
          }
          await expectBoardCurrentUnlessDue(h);
        }
        await h.sweep.execute({ batchSize: 2 });
        await expectSwept(h);
      }),
      { numRuns: 100 },
    );
  });

  it('never loses a write it races: profile, entries and board end as when the sweep ran first, whatever the interleaving', async () => {
    const DAY = 86_400_000;
    const steps = fc.uniqueArray(
      fc.record({ day: fc.integer({ min: 1, max: 3 }), entryType, confidence: fc.integer({ min: 0, max: 100 }), verify: fc.boolean() }),
      { selector: (step) => `${step.day}#${step.entryType}`, minLength: 1, maxLength: 4 },
    );
    type Step = { day: number; entryType: EntryType; confidence: number; verify: boolean };
    const ada = participant('Ada-L');
    const stepUrl = (step: Step) => url('Ada-L', step.day, step.entryType, 0);
    /** Day 1 github was submitted 9 days ago: by now the profile is due (inactive) and so is that entry's re-queue. */
    const prepare = async (h: ChallengeHarness, wait: <T>(p: Promise<T>) => Promise<T>) => {
      await wait(h.register.execute({ githubUsername: 'Ada-L', twitterUsername: 'Ada_L' }));
      await wait(h.submit.execute({ actor: ada, day: 1, entryType: 'github', url: url('Ada-L', 1, 'github', 0) }));
      h.clock.advance(9 * DAY);
    };
    const perform = async (h: ChallengeHarness, step: Step) => {
      await h.submit.execute({ actor: ada, day: step.day, entryType: step.entryType, url: stepUrl(step) });
      if (step.verify) {
        await h.recordVerification.execute({ githubUsername: 'Ada-L', day: step.day, entryType: step.entryType, url: stepUrl(step), confidence: step.confidence, reason: 'checked' });
      }
    };
    const content = ({ version: _v, ...rest }: Profile) => rest;
    const entryContent = ({ revision: _r, ...rest }: Entry) => rest;
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), steps, async (s, plan) => {
        const concurrent = challengeHarness({
          wrap: { profiles: (p) => scheduled(s, p), entries: (e) => scheduled(s, e), leaderboard: (l) => scheduled(s, l), progress: (p) => scheduled(s, p) },
        });
        await prepare(concurrent, (p) => s.waitFor(p));
        await s.waitFor(Promise.all([concurrent.sweep.execute({ batchSize: 1 }), ...plan.map((step) => perform(concurrent, step))]));

        const sequential = challengeHarness();
        await prepare(sequential, (p) => p);
        await sequential.sweep.execute({ batchSize: 1 });
        for (const step of plan) await perform(sequential, step);

        const [got, want] = [await concurrent.profiles.get('Ada-L'), await sequential.profiles.get('Ada-L')];
        expect(content(got!)).toEqual(content(want!));
        expect((await concurrent.entries.listByParticipant('Ada-L')).map(entryContent)).toEqual(
          (await sequential.entries.listByParticipant('Ada-L')).map(entryContent),
        );
        expect(await concurrent.standing('Ada-L')).toMatchObject(toLeaderboardStanding(got!));
      }),
      { numRuns: 150 },
    );
  });
});

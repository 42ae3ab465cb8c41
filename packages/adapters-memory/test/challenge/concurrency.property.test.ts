import type { EntryType, Profile } from '@hdoc/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { challengeHarness, participant, scheduled, type ChallengeHarness } from './challenge-harness.js';

/** What one participant does to one (day, type): submit, then maybe verify it or replace the url. */
interface Step {
  readonly day: number;
  readonly entryType: EntryType;
  readonly then: 'nothing' | 'verify' | 'resubmit';
  readonly confidence: number;
}

const steps = fc.uniqueArray(
  fc.record({
    day: fc.integer({ min: 1, max: 100 }),
    entryType: fc.constantFrom<EntryType>('github', 'twitter'),
    then: fc.constantFrom('nothing' as const, 'verify' as const, 'resubmit' as const),
    confidence: fc.integer({ min: 0, max: 100 }),
  }),
  // At most 5 keys x 2 writes: every lost race means another write won, so the 10 attempts always suffice.
  { selector: (s) => `${s.day}#${s.entryType}`, minLength: 1, maxLength: 5 },
);

const actor = participant('Ada-L');
const url = (step: Step, version: number) => `https://github.com/Ada-L/r/${step.day}/${step.entryType}/${version}`;

async function perform(h: ChallengeHarness, step: Step): Promise<void> {
  const base = { actor, day: step.day, entryType: step.entryType };
  await h.submit.execute({ ...base, url: url(step, 1) });
  if (step.then === 'verify') {
    await h.recordVerification.execute({ githubUsername: 'Ada-L', day: step.day, entryType: step.entryType, url: url(step, 1), confidence: step.confidence, reason: 'checked' });
  } else if (step.then === 'resubmit') {
    await h.submit.execute({ ...base, url: url(step, 2) });
    // The late answer for the replaced url must be ignored whenever it lands.
    await h.recordVerification.execute({ githubUsername: 'Ada-L', day: step.day, entryType: step.entryType, url: url(step, 1), confidence: step.confidence, reason: 'checked' });
  }
}

const content = ({ version: _v, updatedAt: _u, ...rest }: Profile) => rest;

describe('concurrent writes of one participant', () => {
  it('end with the aggregates and the leaderboard standing of the sequential run, whatever the interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), steps, async (s, plan) => {
        const concurrent = challengeHarness({
          wrap: { profiles: (p) => scheduled(s, p), entries: (e) => scheduled(s, e), leaderboard: (l) => scheduled(s, l), progress: (p) => scheduled(s, p) },
        });
        await s.waitFor(concurrent.register.execute({ githubUsername: 'Ada-L' }));
        await s.waitFor(Promise.all(plan.map((step) => perform(concurrent, step))));

        const sequential = challengeHarness();
        await sequential.register.execute({ githubUsername: 'Ada-L' });
        for (const step of plan) await perform(sequential, step);

        const [got, want] = [await concurrent.profiles.get('Ada-L'), await sequential.profiles.get('Ada-L')];
        expect(content(got!)).toEqual(content(want!));
        expect(await concurrent.entries.listByParticipant('Ada-L')).toEqual(await sequential.entries.listByParticipant('Ada-L'));
        const [board, expectedBoard] = [await concurrent.standing('Ada-L'), await sequential.standing('Ada-L')];
        expect({ ...board, version: 0 }).toEqual({ ...expectedBoard, version: 0 });
        expect(board?.version).toBe(got?.version);
      }),
      { numRuns: 150 },
    );
  });
});

import { toLeaderboardStanding, verificationStateOf, type Entry, type EntryType } from '@hdoc/domain';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { referenceProgress } from '../../../domain/test/challenge/progress-reference.js';
import { challengeHarness, participant } from './challenge-harness.js';

const ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

type Action =
  | { kind: 'submit'; day: number; entryType: EntryType; variant: number }
  | { kind: 'verify'; day: number; entryType: EntryType; confidence: number; stale: boolean }
  | { kind: 'advance'; minutes: number }
  | { kind: 'midnight'; offsetMinutes: number }
  | { kind: 'timezone'; zone: string };

const entryType = fc.constantFrom<EntryType>('github', 'twitter');
const day = fc.integer({ min: 1, max: 12 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('submit' as const), day, entryType, variant: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('verify' as const), day, entryType, confidence: fc.integer({ min: 0, max: 100 }), stale: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 0, max: 3 * 24 * 60 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('midnight' as const), offsetMinutes: fc.integer({ min: -3, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('timezone' as const), zone: fc.constantFrom(...ZONES) }) },
);

const url = (day: number, type: EntryType, variant: number) =>
  type === 'github' ? `https://github.com/Ada-L/cloud/commit/${day}v${variant}` : `https://x.com/ada_cloud/status/${day}0${variant}`;

describe('challenge progress over random histories (use cases on memory adapters vs the luxon reference)', () => {
  it('profile reads, stored derived fields and the leaderboard always agree with the rules', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('2026-02-27T09:00:00Z', '2026-08-30T20:00:00Z', '2026-10-20T03:00:00Z'), fc.array(action, { maxLength: 40 }), async (start, actions) => {
        const h = challengeHarness({ start });
        const actor = participant('Ada-L');
        const created = await h.register.execute({ githubUsername: 'Ada-L', twitterUsername: 'ada_cloud' });
        const model = new Map<string, Entry>();
        let zone = 'UTC';
        let completed = false;
        for (const step of actions) {
          const now = h.clock.now();
          if (step.kind === 'submit') {
            const key = `${step.day}#${step.entryType}`;
            const current = model.get(key);
            const u = url(step.day, step.entryType, step.variant);
            await h.submit.execute({ actor, day: step.day, entryType: step.entryType, url: u });
            if (current === undefined) {
              const localDate = DateTime.fromJSDate(now, { zone }).toISODate() as string;
              model.set(key, { githubUsername: 'Ada-L', day: step.day, entryType: step.entryType, url: u, verified: false, confidence: 0, verificationReason: null, checkedAt: null, requeueAt: null, localDate, createdAt: now, updatedAt: now, revision: 1 });
            } else if (current.url !== u || (current.checkedAt !== null && !current.verified)) {
              model.set(key, { ...current, url: u, verified: false, confidence: 0, verificationReason: null, checkedAt: null });
            }
          } else if (step.kind === 'verify') {
            const current = model.get(`${step.day}#${step.entryType}`);
            const u = current === undefined || step.stale ? url(step.day, step.entryType, 9) : current.url;
            const { applied } = await h.recordVerification.execute({ githubUsername: 'ada-l', day: step.day, entryType: step.entryType, url: u, confidence: step.confidence, reason: `answered ${step.confidence}` });
            expect(applied).toBe(current !== undefined && !step.stale);
            const reason = `answered ${step.confidence}`;
            const sameAnswer = current?.checkedAt != null && current.confidence === step.confidence && current.verificationReason === reason;
            if (applied && current && !sameAnswer) {
              model.set(`${step.day}#${step.entryType}`, { ...current, verified: step.confidence >= 50, confidence: step.confidence, verificationReason: reason, checkedAt: now });
            }
          } else if (step.kind === 'advance') {
            h.clock.advance(step.minutes * 60_000);
          } else if (step.kind === 'midnight') {
            const next = DateTime.fromJSDate(now, { zone }).plus({ days: 1 }).startOf('day').plus({ minutes: step.offsetMinutes });
            h.clock.set(Math.max(now.getTime(), next.toMillis()));
          } else {
            await h.update.execute({ actor, patch: { timezone: step.zone } });
            zone = step.zone;
          }
          const entries = [...model.values()];
          if (step.kind !== 'advance' && step.kind !== 'midnight') {
            completed ||= new Set(entries.filter((e) => e.verified).map((e) => e.day)).size >= 100;
          }
          const context = { timezone: zone, createdAt: created.profile.createdAt, completed };
          const { profile } = await h.getProfile.execute({ githubUsername: 'ADA-L' });
          expect(profile).toMatchObject(referenceProgress(entries, context, h.clock.now()));
          const storedEntries = await h.entries.listByParticipant('Ada-L');
          expect(Object.fromEntries(storedEntries.map((e) => [`${e.day}#${e.entryType}`, verificationStateOf(e)]))).toEqual(
            Object.fromEntries([...model].map(([key, e]) => [key, verificationStateOf(e)])),
          );
          const stored = await h.profiles.get('Ada-L');
          expect(await h.standing('Ada-L')).toMatchObject(toLeaderboardStanding(stored!));
        }
      }),
      { numRuns: 150 },
    );
  });
});

import { createProfile, deriveProgress, localDateOf, projectProfile, type Entry, type EntryType } from '@hdoc/domain';
import { DateTime } from 'luxon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceProgress } from './progress-reference.js';
import { isoDay, luxonLocalDate, nearLocalMidnight, zone } from './zones.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A history: entries submitted on days near one another (so streaks form and break), at times near
 * local midnight, each in the zone the participant had then (zones change along the way); then "now"
 * some days later in the current zone.
 */
const history = fc
  .record({
    start: isoDay,
    submissions: fc.uniqueArray(
      fc.record({
        day: fc.integer({ min: 1, max: 100 }),
        entryType: fc.constantFrom<EntryType>('github', 'twitter'),
        dayOffset: fc.integer({ min: 0, max: 20 }),
        minutes: fc.integer({ min: -150, max: 150 }),
        zone,
        confidence: fc.integer({ min: 0, max: 100 }),
        checked: fc.boolean(),
      }),
      { selector: (s) => `${s.day}#${s.entryType}`, maxLength: 40 },
    ),
    currentZone: zone,
    nowHours: fc.integer({ min: 0, max: 30 * 24 }),
    completed: fc.boolean(),
  })
  .map(({ start, submissions, currentZone, nowHours, completed }) => {
    const startAt = nearLocalMidnight(start, 'UTC', 0);
    const entries: Entry[] = submissions.map((s) => {
      const createdAt = new Date(nearLocalMidnight(start, s.zone, s.minutes).getTime() + s.dayOffset * DAY);
      const confidence = s.checked ? s.confidence : 0;
      return {
        githubUsername: 'ada',
        day: s.day,
        entryType: s.entryType,
        url: `https://example.com/${s.day}/${s.entryType}`,
        verified: confidence >= 50,
        confidence,
        verificationReason: s.checked ? 'checked' : null,
        checkedAt: s.checked ? createdAt : null,
        requeueAt: null,
        localDate: luxonLocalDate(createdAt, s.zone),
        createdAt,
        updatedAt: createdAt,
        revision: 1,
      };
    });
    const createdAt = new Date(startAt.getTime() - 2 * DAY);
    const now = new Date(startAt.getTime() + nowHours * HOUR);
    return { entries, context: { timezone: currentZone, createdAt, completed }, now };
  });

describe('deriveProgress', () => {
  it('matches the reference rules for random histories, zones and instants', () => {
    fc.assert(
      fc.property(history, ({ entries, context, now }) => {
        expect(deriveProgress(entries, context, now)).toMatchObject(referenceProgress(entries, context, now));
      }),
      { numRuns: 250 },
    );
  });

  it('projects a stored profile to any later instant exactly as deriving afresh then would', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 20 * 24 }), ({ entries, context, now }, laterHours) => {
        const stored = { ...createProfile('ada', { timezone: context.timezone }, context.createdAt), ...deriveProgress(entries, context, now) };
        const later = new Date(now.getTime() + laterHours * HOUR);
        const laterContext = { ...context, completed: stored.status === 'completed' };
        expect(projectProfile(stored, later)).toMatchObject(referenceProgress(entries, laterContext, later));
      }),
      { numRuns: 200 },
    );
  });

  it('completes exactly when 100 distinct days are verified, or once completed before', () => {
    const keys = Array.from({ length: 100 }, (_, i) => i + 1).flatMap((d) => [
      { day: d, entryType: 'github' as const },
      { day: d, entryType: 'twitter' as const },
    ]);
    const dense = fc.record({
      kept: fc.subarray(keys, { minLength: 150 }),
      unverified: fc.integer({ min: 0, max: 40 }),
      completed: fc.boolean(),
    });
    fc.assert(
      fc.property(dense, zone, ({ kept, unverified, completed }, tz) => {
        const at = new Date('2026-06-01T12:00:00Z');
        const entries: Entry[] = kept.map((k, i) => ({
          githubUsername: 'ada',
          ...k,
          url: `https://example.com/${k.day}/${k.entryType}`,
          verified: i >= unverified,
          confidence: i >= unverified ? 50 + (i % 51) : i % 50,
          verificationReason: 'checked',
          checkedAt: at,
          requeueAt: null,
          localDate: luxonLocalDate(new Date(at.getTime() - (kept.length - i) * HOUR), tz),
          createdAt: at,
          updatedAt: at,
          revision: 1,
        }));
        const context = { timezone: tz, createdAt: new Date('2026-01-01T00:00:00Z'), completed };
        const now = new Date(at.getTime() + 3 * DAY);
        const derived = deriveProgress(entries, context, now);
        expect(derived).toMatchObject(referenceProgress(entries, context, now));
        expect(derived.status === 'completed').toBe(completed || derived.daysCompleted === 100);
      }),
      { numRuns: 100 },
    );
  });

  it('makes completed terminal: once 100 days are verified, losing one keeps the status', () => {
    const entries: Entry[] = Array.from({ length: 100 }, (_, i) => ({
      githubUsername: 'ada',
      day: i + 1,
      entryType: 'github',
      url: `https://github.com/ada/r/${i}`,
      verified: true,
      confidence: 70,
      verificationReason: 'checked',
      checkedAt: new Date('2026-01-01T13:00:00Z'),
      requeueAt: null,
      localDate: '2026-01-01',
      createdAt: new Date('2026-01-01T12:00:00Z'),
      updatedAt: new Date('2026-01-01T12:00:00Z'),
      revision: 1,
    }));
    const context = { timezone: 'UTC', createdAt: new Date('2025-12-01T00:00:00Z'), completed: false };
    const now = new Date('2026-03-01T00:00:00Z');
    const done = deriveProgress(entries, context, now);
    expect(done.status).toBe('completed');
    const unverified = entries.map((e, i) => (i === 0 ? { ...e, verified: false, confidence: 0 } : e));
    expect(deriveProgress(unverified, context, now).status).toBe('inactive');
    expect(deriveProgress(unverified, { ...context, completed: done.status === 'completed' }, now).status).toBe('completed');
  });

  it('keeps a new participant without entries active for 7 local days after registering, then inactive', () => {
    const createdAt = new Date('2026-03-01T23:30:00Z'); // already 2 March in Paris
    const context = { timezone: 'Europe/Paris', createdAt, completed: false };
    expect(deriveProgress([], context, new Date('2026-03-09T22:59:00Z')).status).toBe('active'); // 9 March, 23:59 Paris
    expect(deriveProgress([], context, new Date('2026-03-09T23:00:00Z')).status).toBe('inactive'); // 10 March, 00:00 Paris
  });

  describe('next transition instant', () => {
    const timeDependent = (p: { githubStreak: number; twitterStreak: number; status: string }) => ({
      githubStreak: p.githubStreak,
      twitterStreak: p.twitterStreak,
      status: p.status,
    });
    const storedAt = ({ entries, context, now }: { entries: Entry[]; context: { timezone: string; createdAt: Date; completed: boolean }; now: Date }) => ({
      ...createProfile('ada', { timezone: context.timezone }, context.createdAt),
      ...deriveProgress(entries, { ...context, completed: false }, now),
    });

    it('is never in the past, and nothing changes strictly before it; at it, something does', () => {
      fc.assert(
        fc.property(history, fc.double({ min: 0, max: 1, noNaN: true }), (h, fraction) => {
          const stored = storedAt(h);
          const next = stored.nextTransitionAt;
          if (next === null) {
            // Nothing left to change: a year later reads the same.
            expect(timeDependent(projectProfile(stored, new Date(h.now.getTime() + 400 * DAY)))).toEqual(timeDependent(stored));
            return;
          }
          expect(next.getTime()).toBeGreaterThan(h.now.getTime());
          const between = new Date(h.now.getTime() + Math.floor(fraction * (next.getTime() - 1 - h.now.getTime())));
          expect(timeDependent(projectProfile(stored, between))).toEqual(timeDependent(stored));
          expect(timeDependent(projectProfile(stored, new Date(next.getTime() - 1)))).toEqual(timeDependent(stored));
          const after = projectProfile(stored, next);
          expect(timeDependent(after)).not.toEqual(timeDependent(stored));
          expect(after.nextTransitionAt === null || after.nextTransitionAt > next).toBe(true);
        }),
        { numRuns: 300 },
      );
    });

    it('is the start of a local day in the current zone, DST-correct (luxon as the oracle)', () => {
      fc.assert(
        fc.property(history, (h) => {
          const next = storedAt(h).nextTransitionAt;
          if (next === null) return;
          const day = localDateOf(next, h.context.timezone);
          expect(next).toEqual(DateTime.fromISO(day, { zone: h.context.timezone }).startOf('day').toJSDate());
        }),
        { numRuns: 300 },
      );
    });

    it('is null for a completed participant without a streak, and the inactivity day when only that is left', () => {
      const context = { timezone: 'America/Santiago', createdAt: new Date('2026-08-20T12:00:00Z'), completed: true };
      expect(deriveProgress([], context, new Date('2026-08-30T12:00:00Z')).nextTransitionAt).toBeNull();
      // Registered 29 August (local), no entry: inactive from 6 September, whose midnight Santiago skips (00:00 -> 01:00).
      const fresh = { ...context, createdAt: new Date('2026-08-29T16:00:00Z'), completed: false };
      expect(deriveProgress([], fresh, new Date('2026-08-30T12:00:00Z')).nextTransitionAt).toEqual(new Date('2026-09-06T04:00:00Z'));
      expect(deriveProgress([], fresh, new Date('2026-09-06T04:00:00Z'))).toMatchObject({ status: 'inactive', nextTransitionAt: null });
    });
  });
});

import { addDays, daysBetween, localDateOf, startOfLocalDate } from '@hdoc/domain';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { instant, isoDay, luxonLocalDate, nearLocalMidnight, zone } from './zones.js';

describe('local dates', () => {
  it('localDateOf agrees with luxon for any instant and zone, around midnight and clock changes included', () => {
    fc.assert(
      fc.property(instant, zone, (at, z) => {
        expect(localDateOf(at, z)).toBe(luxonLocalDate(at, z));
      }),
      { numRuns: 1000 },
    );
  });

  it('puts the last minute before local midnight and the first after on consecutive dates', () => {
    fc.assert(
      fc.property(isoDay, zone, (day, z) => {
        const start = nearLocalMidnight(day, z, 0);
        expect(localDateOf(start, z)).toBe(day);
        expect(localDateOf(new Date(start.getTime() - 60_000), z)).toBe(addDays(day, -1));
      }),
      { numRuns: 500 },
    );
  });

  it('addDays and daysBetween agree with luxon calendar arithmetic', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: -800, max: 800 }), (day, n) => {
        const expected = DateTime.fromISO(day, { zone: 'UTC' }).plus({ days: n }).toISODate();
        expect(addDays(day, n)).toBe(expected);
        expect(daysBetween(day, addDays(day, n))).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  it('startOfLocalDate is the first instant of a later local day, where luxon puts it, from any earlier instant', () => {
    fc.assert(
      fc.property(isoDay, zone, fc.integer({ min: 1, max: 9 * 24 * 60 }), (day, z, minutesBefore) => {
        const start = DateTime.fromISO(day, { zone: z }).startOf('day').toJSDate();
        const after = new Date(start.getTime() - minutesBefore * 60_000 + 7);
        expect(startOfLocalDate(day, z, after)).toEqual(start);
      }),
      { numRuns: 1000 },
    );
  });
});

import { addDays, localDateOf } from '@hdoc/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantDaysAgo } from '../../src/demo/seed-challenge.js';
import { DEMO_PARTICIPANTS } from '../../src/demo/demo-participants.js';

const ZONES = [...new Set(DEMO_PARTICIPANTS.map((participant) => participant.timezone)), 'Pacific/Chatham', 'America/St_Johns'];

describe('instantDaysAgo', () => {
  it('lands on the local date `days` before today in the zone, never after now, across DST changes', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 120 }),
        (now, timezone, days) => {
          const instant = instantDaysAgo(now, timezone, days);
          expect(localDateOf(instant, timezone)).toBe(addDays(localDateOf(now, timezone), -days));
          expect(instant.getTime()).toBeLessThanOrEqual(now.getTime());
        },
      ),
    );
  });
});

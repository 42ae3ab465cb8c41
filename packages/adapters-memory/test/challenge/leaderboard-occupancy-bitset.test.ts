import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OccupancyBitset } from '../../src/challenge/leaderboard/occupancy-bitset.js';

describe('OccupancyBitset', () => {
  it('finds the next and previous present value like a sorted scan of a set', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70_000 }).chain((size) =>
          fc.tuple(
            fc.constant(size),
            fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: size - 1 })), { maxLength: 60 }),
            fc.array(fc.integer({ min: 0, max: size - 1 }), { minLength: 1, maxLength: 20 }),
          ),
        ),
        ([size, edits, queries]) => {
          const bitset = new OccupancyBitset(size);
          const present = new Set<number>();
          for (const [add, value] of edits) {
            if (add) {
              bitset.add(value);
              present.add(value);
            } else {
              bitset.delete(value);
              present.delete(value);
            }
          }
          const sorted = [...present].sort((a, b) => a - b);
          for (const query of queries) {
            expect(bitset.next(query)).toBe(sorted.find((v) => v >= query) ?? -1);
            expect(bitset.previous(query)).toBe(sorted.findLast((v) => v <= query) ?? -1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

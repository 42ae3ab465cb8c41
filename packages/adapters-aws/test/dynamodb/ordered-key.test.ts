import { comparePhotoListKeysets } from '@hdoc/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderedNumber, orderedText } from '../../src/dynamodb/ordered-key.js';
import { positionKey } from '../../src/dynamodb/photos/photo-keys.js';

/** DynamoDB's order of string keys: their UTF-8 bytes. */
const byBytes = (a: string, b: string): number => Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b)));
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Strings rich in the code units where UTF-8 and UTF-16 orders part: surrogates and U+E000..U+FFFF. */
const text = fc.string({
  unit: fc.oneof(fc.constantFrom('a', 'B', 'é', '~', '\uD7FF', '\uE000', '\uFFFD', '\uFFFF', '😀', '𝒜'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
  maxLength: 6,
});

describe('sort keys keep the domain order under DynamoDB byte order', () => {
  it('orderedText: byte order of the mapped strings is the code-unit order of the originals (lone surrogates too)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(byBytes(orderedText(a), orderedText(b))).toBe(byCodeUnits(a, b));
      }),
      { numRuns: 2_000 },
    );
  });

  it('orderedNumber: string order is numeric order over the whole Date range', () => {
    const instant = fc.integer({ min: -8.64e15, max: 8.64e15 });
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        expect(byCodeUnits(orderedNumber(a), orderedNumber(b))).toBe(Math.sign(a - b));
      }),
    );
  });

  it('positionKey: byte order is comparePhotoListKeysets (value, nulls last, then id) for filenames and taken_at', () => {
    // Filenames carry no control characters (a domain rule the separator relies on).
    const filenames = fc.record({ value: text.filter((t) => [...t].every((char) => char >= ' ')), id: text.filter((t) => t.length > 0) });
    const taken = fc.record({ value: fc.option(fc.integer({ min: -1e12, max: 1e13 }), { nil: null }), id: fc.constantFrom('a', 'b', 'c') });
    fc.assert(
      fc.property(filenames, filenames, (a, b) => {
        expect(byBytes(positionKey('filename', a), positionKey('filename', b))).toBe(Math.sign(comparePhotoListKeysets(a, b)));
      }),
      { numRuns: 2_000 },
    );
    fc.assert(
      fc.property(taken, taken, (a, b) => {
        expect(byBytes(positionKey('taken_at', a), positionKey('taken_at', b))).toBe(Math.sign(comparePhotoListKeysets(a, b)));
      }),
    );
  });
});

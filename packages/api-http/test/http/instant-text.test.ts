import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantText } from '../../src/http/json/instant-text.js';

describe('instantText', () => {
  it('writes every instant as Date#toISOString does, on first and repeated reads', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), (instant) => {
        expect(instantText(instant)).toBe(instant.toISOString());
        expect(instantText(new Date(instant.getTime()))).toBe(instant.toISOString());
      }),
    );
  });

  it('stays right past its memo limit, and rejects an invalid date like toISOString', () => {
    for (let ms = 0; ms < 25_000; ms++) expect(instantText(new Date(ms * 1_000))).toBe(new Date(ms * 1_000).toISOString());
    expect(() => instantText(new Date(Number.NaN))).toThrow(RangeError);
  });
});

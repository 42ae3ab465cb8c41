import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from '../../../src/shared/base64url.js';
import {
  decodeLeaderboardCursor,
  encodeLeaderboardCursor,
  MAX_DAYS_COMPLETED,
  MAX_TOTAL_SCORE,
  ValidationError,
} from '../../../src/index.js';

const keysetArb = fc.record({
  totalScore: fc.integer({ min: 0, max: MAX_TOTAL_SCORE }),
  daysCompleted: fc.integer({ min: 0, max: MAX_DAYS_COMPLETED }),
  key: fc.string({ minLength: 1, unit: 'grapheme' }).map((s) => s.toLowerCase()).filter((s) => s !== '' && s === s.toLowerCase()),
});

function rejection(cursor: string): unknown {
  try {
    decodeLeaderboardCursor(cursor);
    return null;
  } catch (error) {
    return error;
  }
}

describe('leaderboard cursor', () => {
  it('decodes what it encodes, into URL-safe text', () => {
    fc.assert(
      fc.property(keysetArb, (keyset) => {
        const cursor = encodeLeaderboardCursor(keyset);
        expect(cursor).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeLeaderboardCursor(cursor)).toEqual(keyset);
      }),
    );
  });

  it.each([
    ['', ''], ['f', 'Zg'], ['fo', 'Zm8'], ['foo', 'Zm9v'], ['foob', 'Zm9vYg'], ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'], ['é', 'w6k'], ['😀 ü', '8J-YgCDDvA'],
  ])('encodes %j as the RFC 4648 base64url of its UTF-8 bytes, %j', (text, encoded) => {
    expect(encodeBase64Url(text)).toBe(encoded);
    expect(decodeBase64Url(encoded)).toBe(text);
  });

  it('decodes any encoded text back to itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(decodeBase64Url(encodeBase64Url(text))).toBe(text);
      }),
    );
  });

  it.each([
    ['not base64url', 'a+b/'],
    ['an impossible length', 'abcde'],
    ['non-canonical padding bits', 'QR'],
    ['invalid UTF-8', 'wyg'],
    ['not JSON', encodeBase64Url('[1,2')],
    ['an object', encodeBase64Url('{"t":1}')],
    ['a total above the maximum', encodeBase64Url(`[${MAX_TOTAL_SCORE + 1},0,"a"]`)],
    ['negative days', encodeBase64Url('[1,-1,"a"]')],
    ['a fractional total', encodeBase64Url('[1.5,1,"a"]')],
    ['an empty key', encodeBase64Url('[1,1,""]')],
    ['an upper-case key', encodeBase64Url('[1,1,"Ada"]')],
    ['extra fields', encodeBase64Url('[1,1,"ada",4]')],
  ])('rejects %s with ValidationError on cursor', (_why, cursor) => {
    const error = rejection(cursor);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'cursor' });
  });
});

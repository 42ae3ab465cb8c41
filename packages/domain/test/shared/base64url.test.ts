import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from '../../src/shared/base64url.js';

// The domain compiles without Node's types; its tests run on Node, whose encoder is the reference here.
const { Buffer } = globalThis as unknown as {
  Buffer: { from(text: string, encoding: 'utf8'): { toString(encoding: 'base64url'): string } };
};

describe('base64url', () => {
  it('encodes the UTF-8 bytes of any text as Node does, and decodes it back', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (text) => {
        const encoded = encodeBase64Url(text);
        expect(encoded).toBe(Buffer.from(text, 'utf8').toString('base64url'));
        expect(decodeBase64Url(encoded)).toBe(text);
      }),
    );
  });

  it('rejects what it never issues', () => {
    for (const bad of ['a', 'ab=', 'a+b/', 'AB', '_w']) expect(decodeBase64Url(bad)).toBeNull();
  });
});

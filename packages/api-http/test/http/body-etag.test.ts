import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyEtag } from '../../src/http/routing/body-etag.js';

describe('bodyEtag', () => {
  it('is a weak tag of the body length and hash, the same for a body as text or bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const bytes = Buffer.from(text, 'utf8');
        const tag = bodyEtag(bytes);
        expect(tag).toMatch(new RegExp(`^W/"${bytes.length.toString(16)}-[0-9a-z]+"$`));
        expect(bodyEtag(text, 'utf8')).toBe(tag);
        // A view into a larger buffer (pooled Buffers are) hashes only its own bytes.
        expect(bodyEtag(Buffer.concat([Buffer.from('prefix'), bytes]).subarray(6))).toBe(tag);
      }),
    );
  });

  it('changes when any byte of the body changes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 20_000 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (body, at, flip) => {
        const changed = Uint8Array.from(body);
        changed[at % body.length]! ^= flip;
        expect(bodyEtag(Buffer.from(changed))).not.toBe(bodyEtag(Buffer.from(body)));
      }),
    );
  });
});

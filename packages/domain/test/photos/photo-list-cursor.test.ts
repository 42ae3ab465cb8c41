import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PhotoListKeyset, PhotoListScope } from '../../src/index.js';
import { ValidationError, decodePhotoListCursor, encodePhotoListCursor } from '../../src/index.js';
import { encodeBase64Url } from '../../src/shared/base64url.js';

const scopeArb = fc.record({
  status: fc.constantFrom('ready', 'pending', 'rejected' as const),
  sort: fc.constantFrom('uploaded_at', 'taken_at', 'filename', 'size' as const),
  order: fc.constantFrom('asc', 'desc' as const),
  filter: fc.record(
    {
      tag: fc.string({ minLength: 1, maxLength: 5 }),
      contentType: fc.constantFrom('image/png', 'image/jpeg'),
      from: fc.date({ noInvalidDate: true }),
      to: fc.date({ noInvalidDate: true }),
    },
    { requiredKeys: [] },
  ),
}) as fc.Arbitrary<PhotoListScope>;

const keysetFor = (scope: PhotoListScope): fc.Arbitrary<PhotoListKeyset> =>
  fc.record({
    value:
      scope.status !== 'ready'
        ? fc.maxSafeNat()
        : scope.sort === 'filename'
        ? fc.string({ unit: 'grapheme' })
        : scope.sort === 'taken_at'
          ? fc.option(fc.maxSafeNat(), { nil: null })
          : fc.maxSafeNat(),
    id: fc.string({ unit: 'grapheme', minLength: 1 }),
  });

describe('photo list cursors', () => {
  it('round-trip any keyset, non-ASCII included, as URL-safe text', () => {
    fc.assert(
      fc.property(scopeArb.chain((scope) => fc.tuple(fc.constant(scope), keysetFor(scope))), ([scope, keyset]) => {
        const cursor = encodePhotoListCursor(scope, keyset);
        expect(cursor).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodePhotoListCursor(cursor, scope)).toEqual(keyset);
      }),
    );
  });

  it('refuses a cursor issued for another scope', () => {
    fc.assert(
      fc.property(scopeArb, scopeArb, fc.string({ minLength: 1 }), (a, b, id) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        const keyset = { value: a.sort === 'filename' ? 'x' : 1, id };
        const cursor = encodePhotoListCursor(a, keyset);
        expect(() => decodePhotoListCursor(cursor, b)).toThrow(ValidationError);
      }),
    );
  });

  it('refuses garbage with ValidationError("cursor")', () => {
    const scope: PhotoListScope = { status: 'ready', sort: 'size', order: 'asc', filter: {} };
    const valid = encodePhotoListCursor(scope, { value: 3, id: 'p' });
    const forged = [
      '',
      '!!!',
      `${valid}A`,
      valid.slice(0, -1),
      encodeBase64Url('{"s":["ready","size","asc",null,null,null,null],"k":["3","p"]}'),
      encodeBase64Url('{"s":["ready","size","asc",null,null,null,null],"k":[3]}'),
      encodeBase64Url('[1,2]'),
      encodeBase64Url('not json'),
    ];
    for (const cursor of forged) {
      expect(() => decodePhotoListCursor(cursor, scope)).toThrow(expect.objectContaining({ field: 'cursor' }) as Error);
    }
  });
});

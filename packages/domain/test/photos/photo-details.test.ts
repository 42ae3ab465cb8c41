import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  comparePhotoListKeysets,
  normaliseTags,
  parsePhotoObjectKey,
  photoObjectKey,
  validateMetadata,
} from '../../src/index.js';

describe('photo details rules', () => {
  it('normalises tags: trimmed, lowercase, unique, first occurrence first', () => {
    expect(normaliseTags([' Beach', 'beach ', 'SUN', 'Été', 'été'])).toEqual(['beach', 'sun', 'été']);
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 10 }).filter((t) => /^[a-zA-Z ]*[a-zA-Z][a-zA-Z ]*$/.test(t)), { maxLength: 20 }), (tags) => {
        const normalised = normaliseTags(tags);
        expect(new Set(normalised).size).toBe(normalised.length);
        expect(normaliseTags(normalised)).toEqual(normalised);
        expect(new Set(normalised)).toEqual(new Set(tags.map((t) => t.trim().toLowerCase())));
      }),
    );
  });

  it('keeps a metadata key named __proto__ as plain data', () => {
    const input = JSON.parse('{"__proto__":"value","camera":"x100"}') as unknown;
    const metadata = validateMetadata(input);
    expect(Object.keys(metadata).sort()).toEqual(['__proto__', 'camera']);
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
    expect(() => validateMetadata({ 'a.b': 'x' })).toThrow(ValidationError);
    expect(() => validateMetadata({ ['k'.repeat(65)]: 'x' })).toThrow(ValidationError);
  });
});

describe('photo keys', () => {
  it('parse back what they build, and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }).filter((s) => !s.includes('/')), (owner, id) => {
        expect(parsePhotoObjectKey(photoObjectKey(owner, id))).toEqual({ ownerId: owner, photoId: id });
      }),
    );
    for (const key of ['photos/', 'photos/x', 'photos//id', 'photos/x/', 'other/x/y']) {
      expect(parsePhotoObjectKey(key)).toBeNull();
    }
  });
});

describe('list order', () => {
  it('is a strict total order on distinct keysets with null values after all others', () => {
    const keyset = fc.record({ value: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }), id: fc.constantFrom('a', 'b', 'c') });
    fc.assert(
      fc.property(keyset, keyset, (a, b) => {
        const same = a.id === b.id && a.value === b.value;
        expect(comparePhotoListKeysets(a, b) === 0).toBe(same);
        expect(Math.sign(comparePhotoListKeysets(a, b)) + Math.sign(comparePhotoListKeysets(b, a))).toBe(0);
        if (a.value === null && b.value !== null) expect(comparePhotoListKeysets(a, b)).toBeGreaterThan(0);
      }),
    );
  });
});

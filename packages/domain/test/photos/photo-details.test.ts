import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  comparePhotoListKeysets,
  normaliseTags,
  parsePhotoObjectKey,
  photoObjectKey,
  validateMetadata,
  validateText,
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

  it('refuses the metadata keys __proto__, constructor and prototype, whatever their value', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const input = JSON.parse(`{"camera":"x100",${JSON.stringify(key)}:"value"}`) as unknown;
      expect(() => validateMetadata(input)).toThrow(expect.objectContaining({ field: `metadata.${key}` }) as Error);
    }
    expect(validateMetadata({ camera: 'x100', proto: 'p', constructors: 'c' })).toEqual({ camera: 'x100', proto: 'p', constructors: 'c' });
    expect(() => validateMetadata({ 'a.b': 'x' })).toThrow(ValidationError);
    expect(() => validateMetadata({ ['k'.repeat(65)]: 'x' })).toThrow(ValidationError);
  });
});

describe('photo titles and descriptions', () => {
  it('refuse control characters (C0, DEL, C1) as filenames do, and keep other text', () => {
    for (const bad of ['a\nb', 'tab\there', '\u0000', 'del\u007f', 'c1\u0085']) {
      expect(() => validateText(bad, 'title', 200)).toThrow(expect.objectContaining({ field: 'title' }) as Error);
      expect(() => validateText(bad, 'description', 2000)).toThrow(expect.objectContaining({ field: 'description' }) as Error);
    }
    expect(validateText('Été à la plage 🌊', 'title', 200)).toBe('Été à la plage 🌊');
    expect(validateText(null, 'title', 200)).toBeNull();
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

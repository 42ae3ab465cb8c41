import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError, isWellFormedUsername, parseUsername } from '../../src/index.js';

describe('usernames', () => {
  it('accepts exactly 3..32 of [a-z0-9_.-] in any case and canonicalises to lowercase', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aZ09_.-xY'), minLength: 3, maxLength: 32, size: 'max' }), (name) => {
        expect(parseUsername(name)).toBe(name.toLowerCase());
        expect(parseUsername(name)).toMatch(/^[a-z0-9_.-]{3,32}$/);
      }),
    );
  });

  it('refuses anything else with ValidationError on the field, whatever the characters', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40, size: 'max' }), fc.string({ unit: fc.constantFrom(...'aZ09_.-#é\u212A '), maxLength: 40, size: 'max' })), (name) => {
        const ascii = /^[A-Za-z0-9_.-]{3,32}$/.test(name);
        expect(isWellFormedUsername(name)).toBe(ascii);
        if (ascii) return;
        const error = (() => {
          try {
            parseUsername(name, 'user.username');
          } catch (e) {
            return e;
          }
        })();
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).field).toBe('user.username');
      }),
    );
  });

  it('does not fold look-alikes into ASCII (Kelvin sign, dotted capital I)', () => {
    expect(() => parseUsername('\u212Aate')).toThrow(ValidationError);
    expect(() => parseUsername('\u0130stanbul')).toThrow(ValidationError);
    expect(() => parseUsername('ab')).toThrow(ValidationError);
    expect(() => parseUsername('a'.repeat(33))).toThrow(ValidationError);
  });
});

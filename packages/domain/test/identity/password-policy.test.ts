import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError, checkPasswordPolicy, checkWellFormedPassword, passwordLength } from '../../src/index.js';

describe('password policy', () => {
  it('accepts 8..128 characters counted as code points and refuses every other length', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'Z', '7', ' ', 'é', '😀', '\u0301'), maxLength: 140, size: 'max' }), (password) => {
        const length = [...password].length;
        expect(passwordLength(password)).toBe(length);
        let refused: unknown = null;
        try {
          checkPasswordPolicy(password);
        } catch (error) {
          refused = error;
        }
        if (length >= 8 && length <= 128) expect(refused).toBeNull();
        else expect(refused).toBeInstanceOf(ValidationError);
      }),
    );
  });

  it('refuses passwords with a lone surrogate anywhere, instead of folding it to U+FFFD', () => {
    const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '😀'), minLength: 8, maxLength: 60 });
    fc.assert(
      fc.property(text, surrogate, fc.nat(), (password, lone, at) => {
        // Placed between whole code points, so it never pairs with a neighbour.
        const points = [...password];
        const index = at % (points.length + 1);
        const malformed = [...points.slice(0, index), lone, ...points.slice(index)].join('');
        expect(() => checkPasswordPolicy(malformed)).toThrow(ValidationError);
        expect(() => checkWellFormedPassword(malformed)).toThrow(ValidationError);
        expect(() => checkWellFormedPassword(password)).not.toThrow();
      }),
    );
  });

  it('names the field it refuses', () => {
    try {
      checkPasswordPolicy('short', 'new_password');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('new_password');
    }
  });
});

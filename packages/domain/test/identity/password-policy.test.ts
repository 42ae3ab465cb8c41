import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError, checkPasswordPolicy, passwordLength } from '../../src/index.js';

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

import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, ValidationError, resolvePageLimit } from '../../src/index.js';

describe('resolvePageLimit', () => {
  it('defaults to 20 and accepts 1..100', () => {
    expect(resolvePageLimit(undefined)).toBe(DEFAULT_PAGE_LIMIT);
    expect(resolvePageLimit(1)).toBe(1);
    expect(resolvePageLimit(MAX_PAGE_LIMIT)).toBe(100);
  });
  it.each([0, 101, 1.5, -3, Number.NaN])('rejects %s naming the field', (limit) => {
    expect(() => resolvePageLimit(limit)).toThrow(ValidationError);
    expect(() => resolvePageLimit(limit)).toThrow(/^limit:/);
  });
});

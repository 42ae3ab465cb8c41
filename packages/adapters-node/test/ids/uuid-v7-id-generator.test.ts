import { describe, expect, it } from 'vitest';
import { UuidV7IdGenerator } from '../../src/index.js';

describe('UuidV7IdGenerator', () => {
  it('gives unique UUIDv7s in creation order', () => {
    const ids = new UuidV7IdGenerator();
    const made = Array.from({ length: 2_000 }, () => ids.newId());
    for (const id of made) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(made).size).toBe(made.length);
    expect([...made].sort()).toEqual(made);
  });
});

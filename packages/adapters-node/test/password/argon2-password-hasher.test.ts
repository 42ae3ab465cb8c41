import { describe, expect, it } from 'vitest';
import { Argon2PasswordHasher, OWASP_ARGON2ID } from '../../src/index.js';

describe('Argon2PasswordHasher', () => {
  const hasher = new Argon2PasswordHasher();

  it('hashes with argon2id at the OWASP parameters, salted, and verifies', async () => {
    const first = await hasher.hash('correct horse battery');
    const second = await hasher.hash('correct horse battery');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(second).not.toBe(first);
    expect(await hasher.verify(first, 'correct horse battery')).toBe(true);
    expect(await hasher.verify(second, 'correct horse battery')).toBe(true);
    expect(await hasher.verify(first, 'correct horse batterY')).toBe(false);
    expect(await hasher.verify(first, '')).toBe(false);
  });

  it('says a hash needs rehashing exactly when its parameters differ from the current ones', async () => {
    const weaker = new Argon2PasswordHasher({ memoryCost: 8_192, timeCost: 1, parallelism: 1 });
    const old = await weaker.hash('pässwörd-ünïcode');
    expect(weaker.needsRehash(old)).toBe(false);
    expect(hasher.needsRehash(old)).toBe(true);
    expect(await hasher.verify(old, 'pässwörd-ünïcode')).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('x'))).toBe(false);
    for (const parameters of [{ timeCost: 3 }, { memoryCost: 19_457 }, { parallelism: 2 }]) {
      expect(new Argon2PasswordHasher({ ...OWASP_ARGON2ID, ...parameters }).needsRehash(old)).toBe(true);
    }
    expect(hasher.needsRehash('$2b$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234')).toBe(true);
    expect(hasher.needsRehash('')).toBe(true);
  });

  it('keeps the event loop free while hashing (work runs on the threadpool)', async () => {
    // A hash computed on the main thread would resolve before any timer could fire.
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    await Promise.all([hasher.hash('password-1'), hasher.verify(await hasher.hash('password-2'), 'password-2')]);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});

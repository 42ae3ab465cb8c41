import { RateLimitedError, UsernameTakenError, ValidationError } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { identityFixture, LOOSE_ACTION_LIMITS } from './identity-fixture.js';

async function validationField(promise: Promise<unknown>): Promise<string> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).field;
}

describe('SignUp', () => {
  it('creates the account with a lowercase username and answers {id, username, createdAt} without the hash', async () => {
    const f = await identityFixture();
    const created = await f.signUp.execute({ username: 'Alice.Smith', password: 'correct horse', clientAddress: '192.0.2.1' });
    expect(created).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), username: 'alice.smith', createdAt: f.clock.now() });
    const stored = await f.users.findById(created.id);
    expect(stored?.username).toBe('alice.smith');
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await f.hasher.verify(stored?.passwordHash ?? '', 'correct horse')).toBe(true);
  });

  it('keeps usernames unique case-insensitively', async () => {
    const f = await identityFixture();
    const first = await f.signUp.execute({ username: 'bob', password: 'password-1', clientAddress: '192.0.2.1' });
    await expect(f.signUp.execute({ username: 'BOB', password: 'password-2', clientAddress: '192.0.2.1' })).rejects.toBeInstanceOf(UsernameTakenError);
    await expect(f.signUp.execute({ username: 'Bob', password: 'password-2', clientAddress: '192.0.2.1' })).rejects.toThrow('username is already taken');
    expect((await f.users.findByUsername('bob'))?.id).toBe(first.id);
    expect(await f.hasher.verify((await f.users.findById(first.id))?.passwordHash ?? '', 'password-1')).toBe(true);
  });

  it('enforces 3..32 of [a-z0-9_.-] on usernames and changes nothing when it refuses', async () => {
    const f = await identityFixture();
    for (const username of ['ab', 'a'.repeat(33), 'with space', 'émile', 'a/b', 'ali\u212Ae', '', 'tab\tname']) {
      expect(await validationField(f.signUp.execute({ username, password: 'long enough', clientAddress: '192.0.2.1' }))).toBe('username');
      expect(await f.users.findByUsername(username)).toBeNull();
    }
    for (const username of ['abc', 'a'.repeat(32), 'a_b.c-d', '0-9_x.y']) {
      expect((await f.signUp.execute({ username, password: 'long enough', clientAddress: '192.0.2.1' })).username).toBe(username);
    }
  });

  it('enforces passwords of 8..128 characters, counted as Unicode characters', async () => {
    const f = await identityFixture();
    for (const [i, password] of ['', 'seven77', '😀'.repeat(7), 'x'.repeat(129), '😀'.repeat(129)].entries()) {
      expect(await validationField(f.signUp.execute({ username: `refused-${i}`, password, clientAddress: '192.0.2.1' }))).toBe('password');
      expect(await f.users.findByUsername(`refused-${i}`)).toBeNull();
    }
    for (const [i, password] of ['eight888', 'x'.repeat(128), '😀'.repeat(8), '😀'.repeat(128)].entries()) {
      await expect(f.signUp.execute({ username: `accepted-${i}`, password, clientAddress: '192.0.2.1' })).resolves.toMatchObject({ username: `accepted-${i}` });
    }
  });

  it('refuses a password with a lone surrogate rather than folding it to U+FFFD', async () => {
    const f = await identityFixture();
    for (const password of ['correct horse\ud800', '\udfffcorrect horse', 'correct \ud83d horse']) {
      expect(await validationField(f.signUp.execute({ username: 'surrogate', password, clientAddress: '192.0.2.1' }))).toBe('password');
    }
    expect(await f.users.findByUsername('surrogate')).toBeNull();
  });

  it('limits sign-ups per client address, counting only well-formed requests', async () => {
    const f = await identityFixture({ actionLimits: { ...LOOSE_ACTION_LIMITS, signUp: { limit: 2, windowSeconds: 3600 } } });
    const signUp = (username: string, clientAddress: string, password = 'long enough') =>
      f.signUp.execute({ username, password, clientAddress });
    await expect(signUp('no spaces allowed', '192.0.2.1')).rejects.toBeInstanceOf(ValidationError);
    await expect(signUp('weak', '192.0.2.1', 'short')).rejects.toBeInstanceOf(ValidationError);
    await signUp('first', '192.0.2.1');
    await expect(signUp('first', '192.0.2.1')).rejects.toBeInstanceOf(UsernameTakenError);
    const limited = await signUp('second', '192.0.2.1').catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterSeconds).toBe(3600);
    expect(await f.users.findByUsername('second')).toBeNull();
    await expect(signUp('second', '192.0.2.2')).resolves.toMatchObject({ username: 'second' });
    f.clock.advance(3600_000);
    await expect(signUp('third', '192.0.2.1')).resolves.toMatchObject({ username: 'third' });
  });
});

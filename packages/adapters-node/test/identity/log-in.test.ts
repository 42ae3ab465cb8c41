import { RateLimitedError, UnauthorizedError, ValidationError, type PasswordHasher } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { Argon2PasswordHasher, OWASP_ARGON2ID } from '../../src/index.js';
import { identityFixture, TEST_ARGON2 } from './identity-fixture.js';

const address = '203.0.113.7';

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

/** Records every hash verified, around the real hasher. */
class RecordingHasher implements PasswordHasher {
  readonly verified: string[] = [];
  constructor(private readonly inner: PasswordHasher) {}
  hash(password: string) {
    return this.inner.hash(password);
  }
  verify(passwordHash: string, password: string) {
    this.verified.push(passwordHash);
    return this.inner.verify(passwordHash, password);
  }
  needsRehash(passwordHash: string) {
    return this.inner.needsRehash(passwordHash);
  }
}

describe('LogIn', () => {
  it('opens a session: {accessToken, refreshToken, tokenType: Bearer, expiresIn: 900} for the user id', async () => {
    const f = await identityFixture();
    const { id } = await f.signUp.execute({ username: 'alice', password: 'correct horse', clientAddress: '192.0.2.1' });
    const tokens = await f.logIn.execute({ username: 'ALICE', password: 'correct horse', clientAddress: address });
    expect(tokens).toEqual({ accessToken: expect.any(String), refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), tokenType: 'Bearer', expiresIn: 900 });
    const principal = await f.authenticate.execute({ accessToken: tokens.accessToken });
    expect(principal.subject).toBe(id);
    const session = await f.sessionStore.get(principal.sessionId);
    expect(session?.subject).toBe(id);
    // Only the fingerprint of the refresh token is stored.
    expect(session?.refreshFingerprint).toBe(f.secrets.fingerprint(tokens.refreshToken));
    expect(JSON.stringify(session)).not.toContain(tokens.refreshToken);
  });

  it('fails alike for an unknown user, a wrong password and an impossible username', async () => {
    const f = await identityFixture();
    await f.signUp.execute({ username: 'alice', password: 'correct horse', clientAddress: '192.0.2.1' });
    const errors = [
      await failure(f.logIn.execute({ username: 'alice', password: 'wrong horse', clientAddress: address })),
      await failure(f.logIn.execute({ username: 'mallory', password: 'wrong horse', clientAddress: address })),
      await failure(f.logIn.execute({ username: 'no such user!', password: 'wrong horse', clientAddress: address })),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(UnauthorizedError);
      expect({ name: error.name, message: error.message, code: (error as UnauthorizedError).code }).toEqual({
        name: 'UnauthorizedError',
        message: 'invalid username or password',
        code: 'unauthorized',
      });
    }
  });

  it('verifies against a dummy hash at the current parameters when the user is unknown', async () => {
    const hasher = new RecordingHasher(new Argon2PasswordHasher(TEST_ARGON2));
    const f = await identityFixture({ hasher });
    await f.signUp.execute({ username: 'alice', password: 'correct horse', clientAddress: '192.0.2.1' });
    const aliceHash = (await f.users.findByUsername('alice'))?.passwordHash;
    await failure(f.logIn.execute({ username: 'mallory', password: 'correct horse', clientAddress: address }));
    await failure(f.logIn.execute({ username: 'trudy', password: 'x', clientAddress: address }));
    expect(hasher.verified).toHaveLength(2);
    const [dummy, again] = hasher.verified as [string, string];
    expect(again).toBe(dummy);
    expect(dummy).not.toBe(aliceHash);
    expect(dummy).toMatch(/^\$argon2id\$/);
    expect(hasher.needsRehash(dummy)).toBe(false);
  });

  it('refuses malformed input with ValidationError before counting or verifying anything', async () => {
    const hasher = new RecordingHasher(new Argon2PasswordHasher(TEST_ARGON2));
    const limit = { limit: 1, windowSeconds: 60 };
    const f = await identityFixture({ hasher, throttle: { perUsername: limit, perClientAddress: limit } });
    await f.signUp.execute({ username: 'alice', password: 'correct horse', clientAddress: '192.0.2.1' });
    const cases: [string, string, string][] = [
      ['', 'pw', 'username'],
      ['a'.repeat(33), 'pw', 'username'],
      ['alice', '', 'password'],
      ['alice', 'x'.repeat(129), 'password'],
      ['alice', 'correct horse\ud800', 'password'], // not well-formed Unicode: no stored password can match
    ];
    for (const [username, password, field] of cases) {
      const error = await failure(f.logIn.execute({ username, password, clientAddress: address }));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe(field);
    }
    expect(hasher.verified).toEqual([]);
    await expect(f.logIn.execute({ username: 'alice', password: 'correct horse', clientAddress: address })).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('rate limits per username after the configured attempts and releases after the window', async () => {
    const f = await identityFixture({
      throttle: { perUsername: { limit: 3, windowSeconds: 300 }, perClientAddress: { limit: 100, windowSeconds: 300 } },
    });
    await f.signUp.execute({ username: 'alice', password: 'correct horse', clientAddress: '192.0.2.1' });
    for (let i = 0; i < 3; i += 1) {
      await expect(f.logIn.execute({ username: 'alice', password: 'guess', clientAddress: `198.51.100.${i}` })).rejects.toBeInstanceOf(UnauthorizedError);
    }
    f.clock.advance(100_000);
    const limited = await failure(f.logIn.execute({ username: 'Alice', password: 'correct horse', clientAddress: '198.51.100.9' }));
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterSeconds).toBe(200);
    // Unknown usernames are throttled the same way, so the limiter does not reveal which exist.
    for (let i = 0; i < 3; i += 1) await failure(f.logIn.execute({ username: 'ghost', password: 'guess', clientAddress: address }));
    expect(await failure(f.logIn.execute({ username: 'ghost', password: 'guess', clientAddress: address }))).toBeInstanceOf(RateLimitedError);
    f.clock.advance(200_000);
    await expect(f.logIn.execute({ username: 'alice', password: 'correct horse', clientAddress: address })).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('rate limits per client address across usernames', async () => {
    const f = await identityFixture({
      throttle: { perUsername: { limit: 100, windowSeconds: 60 }, perClientAddress: { limit: 4, windowSeconds: 60 } },
    });
    await f.signUp.execute({ username: 'alice', password: 'correct horse', clientAddress: '192.0.2.1' });
    for (let i = 0; i < 4; i += 1) {
      await expect(f.logIn.execute({ username: `user${i}`, password: 'guess', clientAddress: address })).rejects.toBeInstanceOf(UnauthorizedError);
    }
    const limited = await failure(f.logIn.execute({ username: 'alice', password: 'correct horse', clientAddress: address }));
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterSeconds).toBe(60);
    await expect(f.logIn.execute({ username: 'alice', password: 'correct horse', clientAddress: '192.0.2.1' })).resolves.toMatchObject({ tokenType: 'Bearer' });
    f.clock.advance(60_000);
    await expect(f.logIn.execute({ username: 'alice', password: 'correct horse', clientAddress: address })).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('clears the username count after a success, but not the address count', async () => {
    const f = await identityFixture({
      throttle: { perUsername: { limit: 3, windowSeconds: 60 }, perClientAddress: { limit: 7, windowSeconds: 60 } },
    });
    await f.signUp.execute({ username: 'alice', password: 'correct horse', clientAddress: '192.0.2.1' });
    const attempt = (password: string) => f.logIn.execute({ username: 'alice', password, clientAddress: address });
    await failure(attempt('guess'));
    await failure(attempt('guess'));
    await attempt('correct horse');
    for (let i = 0; i < 3; i += 1) expect(await failure(attempt('guess'))).toBeInstanceOf(UnauthorizedError);
    expect(await failure(attempt('guess'))).toBeInstanceOf(RateLimitedError);
    // 7 attempts so far from this address; the 8th is over the address limit whatever the username.
    expect(await failure(f.logIn.execute({ username: 'bob', password: 'guess', clientAddress: address }))).toBeInstanceOf(RateLimitedError);
  });

  it('upgrades a hash made with old parameters on the next successful login, and only then', async () => {
    const old = new Argon2PasswordHasher(TEST_ARGON2);
    const current = new Argon2PasswordHasher(OWASP_ARGON2ID);
    const before = await identityFixture({ hasher: old });
    const { id } = await before.signUp.execute({ username: 'alice', password: 'correct horse', clientAddress: '192.0.2.1' });
    const oldHash = (await before.users.findById(id))?.passwordHash as string;
    const f = await identityFixture({ hasher: current });
    await f.users.create({ id, username: 'alice', passwordHash: oldHash, createdAt: new Date(0) });

    await failure(f.logIn.execute({ username: 'alice', password: 'wrong horse', clientAddress: address }));
    expect((await f.users.findById(id))?.passwordHash).toBe(oldHash);

    await f.logIn.execute({ username: 'alice', password: 'correct horse', clientAddress: address });
    const upgraded = (await f.users.findById(id))?.passwordHash as string;
    expect(upgraded).not.toBe(oldHash);
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(current.needsRehash(upgraded)).toBe(false);

    await f.logIn.execute({ username: 'alice', password: 'correct horse', clientAddress: address });
    expect((await f.users.findById(id))?.passwordHash).toBe(upgraded);
  });
});

import { UnauthorizedError } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { Argon2PasswordHasher } from '../../src/index.js';
import { identityFixture } from './identity-fixture.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

describe('LogIn timing', () => {
  it('takes about as long for an unknown user as for a wrong password (real argon2id, OWASP parameters)', async () => {
    const f = await identityFixture({ hasher: new Argon2PasswordHasher() });
    await f.signUp.execute({ username: 'alice', password: 'correct horse', clientAddress: '192.0.2.1' });
    const time = async (username: string): Promise<number> => {
      const started = process.hrtime.bigint();
      await expect(f.logIn.execute({ username, password: 'wrong horse', clientAddress: '192.0.2.1' })).rejects.toBeInstanceOf(UnauthorizedError);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    // Warm-up: the dummy hash is made on the first unknown-user login.
    await time('nobody');
    await time('alice');
    const unknown: number[] = [];
    const wrongPassword: number[] = [];
    for (let i = 0; i < 15; i += 1) {
      unknown.push(await time(`nobody${i}`));
      wrongPassword.push(await time('alice'));
    }
    const [a, b] = [median(unknown), median(wrongPassword)];
    expect(Math.max(a, b) / Math.min(a, b)).toBeLessThanOrEqual(1.25);
  });
});

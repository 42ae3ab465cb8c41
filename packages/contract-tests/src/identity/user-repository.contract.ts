import { UsernameTakenError, NotFoundError, type User, type UserRepository } from '@hdoc/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withSubject, type Disposable } from '../shared/contract-subject.js';

export interface UserRepositorySubject extends Disposable {
  readonly repository: UserRepository;
}

function user(id: string, username: string, passwordHash = `hash-of-${id}`): User {
  return { id, username, passwordHash, createdAt: new Date('2026-01-02T03:04:05.678Z') };
}

/** Mixes the case of a lowercase username, bit by bit from `mask`. */
function recase(username: string, mask: number): string {
  return [...username].map((c, i) => ((mask >> i % 31) & 1 ? c.toUpperCase() : c)).join('');
}

/** The UserRepository port's documented behaviour, for every adapter. */
export function describeUserRepositoryContract(
  adapterName: string,
  makeSubject: () => Promise<UserRepositorySubject>,
): void {
  const run = (body: (s: UserRepositorySubject) => Promise<void>) => () => withSubject(makeSubject, body);

  describe(`UserRepository contract: ${adapterName}`, () => {
    it('returns a created user by id and by username in any case', run(async ({ repository }) => {
      const alice = user('u-1', 'alice.smith');
      await repository.create(alice);
      expect(await repository.findById('u-1')).toEqual(alice);
      expect(await repository.findByUsername('alice.smith')).toEqual(alice);
      expect(await repository.findByUsername('Alice.SMITH')).toEqual(alice);
    }));

    it('answers null for an unknown id or username', run(async ({ repository }) => {
      await repository.create(user('u-1', 'alice'));
      expect(await repository.findById('u-2')).toBeNull();
      expect(await repository.findByUsername('bob')).toBeNull();
      expect(await repository.findByUsername('alic')).toBeNull();
    }));

    it('refuses a username taken in another case with UsernameTakenError and keeps the holder', run(async ({ repository }) => {
      const alice = user('u-1', 'alice');
      await repository.create(alice);
      await expect(repository.create(user('u-2', 'ALICE', 'other'))).rejects.toBeInstanceOf(UsernameTakenError);
      expect(await repository.findByUsername('alice')).toEqual(alice);
      expect(await repository.findById('u-2')).toBeNull();
    }));

    it('lets exactly one of concurrent sign-ups of one username (any case) win', run(async ({ repository }) => {
      const attempts = ['bob_1', 'BOB_1', 'Bob_1', 'bOb_1'].map((name, i) => repository.create(user(`u-${i}`, name)));
      const results = await Promise.allSettled(attempts);
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      expect(won).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(UsernameTakenError);
      expect((await repository.findByUsername('bob_1'))?.id).toBe(`u-${won[0]}`);
    }));

    it('keeps usernames unique case-insensitively for any mix of sign-ups', async () => {
      const usernames = fc.stringMatching(/^[a-z0-9_.-]{3,8}$/);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(usernames, fc.nat()), { maxLength: 12 }), async (signUps) =>
          withSubject(makeSubject, async ({ repository }) => {
            const holder = new Map<string, string>();
            for (const [i, [name, mask]] of signUps.entries()) {
              const outcome = repository.create(user(`u-${i}`, recase(name, mask)));
              if (holder.has(name)) await expect(outcome).rejects.toBeInstanceOf(UsernameTakenError);
              else {
                await outcome;
                holder.set(name, `u-${i}`);
              }
            }
            for (const [name, id] of holder) {
              expect((await repository.findByUsername(recase(name, 0x55555555)))?.id).toBe(id);
            }
          }),
        ),
        { numRuns: 30 },
      );
    });

    it('replaces only the password hash', run(async ({ repository }) => {
      const alice = user('u-1', 'alice');
      await repository.create(alice);
      await repository.updatePasswordHash('u-1', 'new-hash');
      expect(await repository.findById('u-1')).toEqual({ ...alice, passwordHash: 'new-hash' });
      expect(await repository.findByUsername('alice')).toEqual({ ...alice, passwordHash: 'new-hash' });
    }));

    it('refuses to update the hash of an unknown user with NotFoundError', run(async ({ repository }) => {
      await expect(repository.updatePasswordHash('nobody', 'hash')).rejects.toBeInstanceOf(NotFoundError);
      expect(await repository.findById('nobody')).toBeNull();
    }));
  });
}

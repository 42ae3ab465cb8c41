import { UsernameTakenError, type User } from '@hdoc/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PostgresUserRepository } from '../../src/index.js';
import { createTestSchema, type TestSchema } from './test-schema.js';

function user(id: string, username: string): User {
  return { id, username, passwordHash: `hash-of-${id}`, createdAt: new Date('2026-01-02T03:04:05.678Z') };
}

/** Every upper/lower mix of `name` up to `count` of them, each a distinct string. */
function casings(name: string, count: number): string[] {
  return Array.from({ length: count }, (_, mask) =>
    [...name].map((c, i) => ((mask >> i) & 1 ? c.toUpperCase() : c)).join(''),
  );
}

describe('PostgresUserRepository beyond the contract', () => {
  let schema: TestSchema;
  let repository: PostgresUserRepository;
  // More connections than production so the sign-ups below really run at once in the database.
  beforeAll(async () => {
    schema = await createTestSchema({ max: 12 });
    repository = new PostgresUserRepository(schema.pool);
  });
  afterAll(async () => {
    await schema?.drop();
  });
  beforeEach(async () => {
    await schema.pool.query('TRUNCATE users');
  });

  it('makes exactly one account of twelve parallel sign-ups of one name in different cases, round after round', async () => {
    for (let round = 0; round < 10; round++) {
      const name = `carol_${round}`;
      const results = await Promise.allSettled(
        casings(name, 12).map((username, i) => repository.create(user(`r${round}-${i}`, username))),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(UsernameTakenError);
      const { rows } = await schema.pool.query('SELECT count(*)::int AS n FROM users WHERE lower(username) = $1', [name]);
      expect(rows[0].n).toBe(1);
    }
  });

  it('reports a duplicate id as the database error it is, not as a taken username', async () => {
    await repository.create(user('same-id', 'dave'));
    const failure = await repository.create(user('same-id', 'erin')).catch((error: unknown) => error);
    expect(failure).not.toBeInstanceOf(UsernameTakenError);
    expect(failure).toMatchObject({ code: '23505', constraint: 'users_pkey' });
  });

  it('treats a username as data, never as SQL', async () => {
    const hostile = "x'); DROP TABLE users; --";
    await repository.create(user('u-1', hostile));
    expect((await repository.findByUsername(hostile.toUpperCase()))?.id).toBe('u-1');
    expect(await repository.findByUsername("' OR '1'='1")).toBeNull();
  });

  it('keeps each schema to itself: a user of this schema is not seen from another', async () => {
    const other = await createTestSchema();
    try {
      await repository.create(user('u-1', 'frank'));
      const elsewhere = new PostgresUserRepository(other.pool);
      expect(await elsewhere.findByUsername('frank')).toBeNull();
      await elsewhere.create(user('u-1', 'frank'));
      expect(await elsewhere.findById('u-1')).not.toBeNull();
    } finally {
      await other.drop();
    }
  });
});

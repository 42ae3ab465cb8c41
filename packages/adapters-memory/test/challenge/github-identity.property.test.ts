import { githubUsernameKey, releasedUsername, type Entry } from '@hdoc/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { challengeHarness, scheduled } from './challenge-harness.js';

type Harness = ReturnType<typeof challengeHarness>;

/** A GitHub sign-in: account `id` currently named `login` (names are few, so renames and reuse are common). */
const signInArb = fc.record({
  id: fc.integer({ min: 1, max: 4 }),
  login: fc.tuple(fc.constantFrom('ann', 'bob', 'cy-d'), fc.nat()).map(([name, mask]) =>
    [...name].map((c, i) => ((mask >> i) & 1 ? c.toUpperCase() : c)).join(''),
  ),
});

/** Each account's own entry: its url names the account id, so we can tell whose it is wherever it moves. */
const entryUrl = (id: number): string => `https://github.com/someone/account-${id}`;

/** Logins whose sessions were ended, and whether the login still led to a profile at that instant. */
const endedSessions: { login: string; stillLeadsToAProfile: boolean }[] = [];

async function signIn(h: Harness, id: number, login: string) {
  const result = await h.register.execute({
    githubUsername: login,
    githubId: id,
    avatarUrl: `https://avatars.example.test/${id}`,
    onLoginRetired: async (retired) => {
      endedSessions.push({ login: retired, stillLeadsToAProfile: (await h.profiles.get(retired)) !== null });
    },
  });
  if (result.created) {
    const now = h.clock.now();
    const entry: Entry = {
      githubUsername: result.profile.githubUsername,
      day: 1,
      entryType: 'github',
      url: entryUrl(id),
      verified: false,
      confidence: 0,
      verificationReason: null,
      checkedAt: null,
      requeueAt: null,
      localDate: '2026-03-01',
      createdAt: now,
      updatedAt: now,
      revision: 1,
    };
    await h.entries.put(entry, null);
  }
  return result;
}

/** Every account's profile is where the model says, with its own entry and only it, on the board unless released. */
async function checkAccounts(h: Harness, nameOf: ReadonlyMap<number, string>): Promise<void> {
  const seen = new Set<string>();
  for (const [id, name] of nameOf) {
    const profile = await h.profiles.getByGithubId(id);
    expect(profile?.githubUsername, `account ${id}`).toBe(name);
    expect((await h.profiles.get(name))?.githubId).toBe(id);
    expect((await h.entries.listByParticipant(name)).map((entry) => entry.url)).toEqual([entryUrl(id)]);
    const onBoard = await h.leaderboard.position(name, 0);
    if (name.startsWith('released~')) expect(onBoard).toBeNull();
    else expect(onBoard?.row).toMatchObject({ githubUsername: name, avatarUrl: `https://avatars.example.test/${id}` });
    seen.add(githubUsernameKey(name));
  }
  expect(seen.size).toBe(nameOf.size);
}

describe('GitHub identity: sign-in matches on the numeric id', () => {
  it('for any sequence of sign-ins, renames and reused names, each account keeps exactly its own profile and entries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(signInArb, { minLength: 1, maxLength: 12 }), async (signIns) => {
        const h = challengeHarness();
        // The model: account id -> the username its profile must have now.
        const nameOf = new Map<number, string>();
        for (const { id, login } of signIns) {
          endedSessions.length = 0;
          const result = await signIn(h, id, login);
          expect(result.created).toBe(!nameOf.has(id));
          expect(result.profile.githubUsername).toBe(login);
          const retired: string[] = [];
          for (const [other, name] of nameOf) {
            if (other !== id && githubUsernameKey(name) === githubUsernameKey(login)) {
              retired.push(name);
              nameOf.set(other, releasedUsername({ githubId: other, githubUsername: name }));
            }
          }
          const previous = nameOf.get(id);
          if (previous !== undefined && githubUsernameKey(previous) !== githubUsernameKey(login)) retired.push(previous);
          expect([...result.retiredLogins].sort()).toEqual(retired.sort());
          // Sessions of a retired login end while the login leads to no profile, before anyone can take it.
          expect(endedSessions.map((ended) => ended.login).sort()).toEqual(retired.sort());
          expect(endedSessions.every((ended) => !ended.stillLeadsToAProfile)).toBe(true);
          nameOf.set(id, login);
          await checkAccounts(h, nameOf);
        }
      }),
      { numRuns: 150 },
    );
  });

  /*
   * Concurrency as it happens: GitHub gives a login to one account at a time, so concurrent sign-ins are the
   * same account in several tabs (possibly just after a rename) and other accounts under their own names.
   * (A rename racing the first sign-in of the account that took the old name, within the same instant, is
   * not covered: see the challenge README.)
   */
  it('concurrent sign-ins (tabs, renames) never lose or mix a profile or its entries', async () => {
    const batchArb = fc.array(
      fc.record({ id: fc.integer({ min: 1, max: 3 }), renamed: fc.boolean(), tabs: fc.integer({ min: 1, max: 3 }) }),
      { minLength: 1, maxLength: 4 },
    );
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), batchArb, async (s, batch) => {
        const h = challengeHarness({
          wrap: { profiles: (p) => scheduled(s, p), entries: (e) => scheduled(s, e), leaderboard: (l) => scheduled(s, l), progress: (p) => scheduled(s, p) },
        });
        for (const id of [1, 2, 3]) await s.waitFor(signIn(h, id, `acct-${id}`));
        // Each account signs in under one login in this batch: its old one, or a new one only it has.
        const loginOf = new Map<number, string>([1, 2, 3].map((id) => [id, `acct-${id}`]));
        for (const { id, renamed } of batch) if (renamed) loginOf.set(id, `renamed-${id}`);
        const tries = batch.flatMap(({ id, tabs }) => Array.from({ length: tabs }, () => id));
        const results = await s.waitFor(Promise.allSettled(tries.map((id) => signIn(h, id, loginOf.get(id) ?? ''))));
        for (const result of results) expect(result.status).toBe('fulfilled');
        await checkAccounts(h, loginOf);
      }),
      { numRuns: 100 },
    );
  });
});

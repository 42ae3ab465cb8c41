import {
  StaleWriteError,
  toLeaderboardStanding,
  type EntryRepository,
  type Leaderboard,
  type ParticipantProgressStore,
  type Profile,
  type ProfileRepository,
} from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { withSubject, type Disposable } from '../shared/contract-subject.js';
import { aProfile, anEntry } from './challenge-fixtures.js';

/** The store and the ports that read what it writes (the adapters it is built on, or beside). */
export interface ParticipantProgressStoreSubject extends Disposable {
  readonly store: ParticipantProgressStore;
  readonly profiles: ProfileRepository;
  readonly entries: EntryRepository;
  readonly leaderboard: Leaderboard;
}

const LATER = new Date('2026-03-05T10:00:00.000Z');

/** The next version of a profile, with other scores (so its standing moves). */
function advanced(profile: Profile, changes: Partial<Profile> = {}): Profile {
  return { ...profile, githubScore: profile.githubScore + 10, updatedAt: LATER, version: profile.version + 1, ...changes };
}

/** The ParticipantProgressStore port's documented behaviour, for every adapter. */
export function describeParticipantProgressStoreContract(
  adapterName: string,
  makeSubject: () => Promise<ParticipantProgressStoreSubject>,
): void {
  const run = (body: (s: ParticipantProgressStoreSubject) => Promise<void>) => () => withSubject(makeSubject, body);

  describe(`ParticipantProgressStore contract: ${adapterName}`, () => {
    it('creates a participant: read answers the profile, no entries, no count; the board holds the standing', run(async ({ store, profiles, leaderboard }) => {
      expect(await store.read('ada')).toBeNull();
      const ada = aProfile('Ada', { githubId: 4242 });
      await store.write({ basis: null, profile: ada });
      const read = await store.read('ADA');
      expect(read).toMatchObject({ profile: ada, entries: [], submissions: null });
      expect(await profiles.get('ada')).toEqual(ada);
      expect(await profiles.getByGithubId(4242)).toEqual(ada);
      expect((await leaderboard.position('ada', 0))?.row).toMatchObject({ ...toLeaderboardStanding(ada), rank: 1 });
    }));

    it('refuses to create a username held in any case, or a GitHub id held by another profile', run(async ({ store, profiles }) => {
      const ada = aProfile('ada', { githubId: 7 });
      await store.write({ basis: null, profile: ada });
      await expect(store.write({ basis: null, profile: aProfile('ADA') })).rejects.toBeInstanceOf(StaleWriteError);
      await expect(store.write({ basis: null, profile: aProfile('grace', { githubId: 7 }) })).rejects.toBeInstanceOf(StaleWriteError);
      expect(await profiles.get('ada')).toEqual(ada);
      expect(await profiles.get('grace')).toBeNull();
    }));

    it('writes the profile, an entry and the count together; every port reads them, the board moves', run(async ({ store, entries, profiles, leaderboard }) => {
      await store.write({ basis: null, profile: aProfile('ada') });
      const basis = (await store.read('ada'))!;
      const entry = anEntry({ githubUsername: 'ada', day: 3, entryType: 'twitter' });
      const next = advanced(basis.profile);
      const submissions = { startedAt: LATER, count: 1 };
      await store.write({ basis, profile: next, entry: { entry, expectedRevision: null }, submissions });
      expect(await store.read('ada')).toMatchObject({ profile: next, entries: [entry], submissions });
      expect(await entries.listByParticipant('ada')).toEqual([entry]);
      expect(await profiles.get('ada')).toEqual(next);
      expect((await leaderboard.position('ada', 0))?.row).toMatchObject(toLeaderboardStanding(next));
      // A later write replaces the entry at its revision and keeps the count when it does not change it.
      const again = (await store.read('ada'))!;
      const replaced = { ...entry, url: 'https://x.com/ada_l/status/9', revision: 2 };
      await store.write({ basis: again, profile: advanced(again.profile), entry: { entry: replaced, expectedRevision: 1 } });
      expect(await store.read('ada')).toMatchObject({ entries: [replaced], submissions });
    }));

    it('refuses a write on a stale profile version and stores none of it', run(async ({ store, entries, profiles, leaderboard }) => {
      await store.write({ basis: null, profile: aProfile('ada') });
      const basis = (await store.read('ada'))!;
      const winner = advanced(basis.profile, { bio: 'first' });
      await store.write({ basis, profile: winner });
      const entry = anEntry({ githubUsername: 'ada', day: 1, entryType: 'github' });
      const late = { basis, profile: advanced(basis.profile, { bio: 'late', githubScore: 999 }), entry: { entry, expectedRevision: null }, submissions: { startedAt: LATER, count: 5 } };
      await expect(store.write(late)).rejects.toBeInstanceOf(StaleWriteError);
      expect(await profiles.get('ada')).toEqual(winner);
      expect(await entries.listByParticipant('ada')).toEqual([]);
      expect((await store.read('ada'))?.submissions).toBeNull();
      expect((await leaderboard.position('ada', 0))?.row).toMatchObject(toLeaderboardStanding(winner));
    }));

    it('refuses a write whose entry revision is stale and leaves the profile as it was', run(async ({ store, entries, profiles }) => {
      await store.write({ basis: null, profile: aProfile('ada') });
      const first = (await store.read('ada'))!;
      const entry = anEntry({ githubUsername: 'ada', day: 2, entryType: 'github' });
      await store.write({ basis: first, profile: advanced(first.profile), entry: { entry, expectedRevision: null } });
      const basis = (await store.read('ada'))!;
      const duplicate = { basis, profile: advanced(basis.profile), entry: { entry: { ...entry, url: 'https://github.com/ada/other' }, expectedRevision: null } };
      await expect(store.write(duplicate)).rejects.toBeInstanceOf(StaleWriteError);
      expect(await profiles.get('ada')).toEqual(basis.profile);
      expect(await entries.listByParticipant('ada')).toEqual([entry]);
    }));

    it('never counts a former holder\'s count or standing for a new profile under the same name', run(async ({ store, profiles, leaderboard }) => {
      await store.write({ basis: null, profile: aProfile('ada') });
      const first = (await store.read('ada'))!;
      await store.write({ basis: first, profile: advanced(first.profile), submissions: { startedAt: LATER, count: 7 } });
      // The name is released (the profile moves away; the move is interrupted before the board removal) and a
      // newcomer registers it.
      const held = (await profiles.get('ada'))!;
      await profiles.rename('ada', { ...held, githubUsername: 'released~1', version: held.version + 1 }, held.version);
      const newcomer = aProfile('ada', { createdAt: new Date('2026-04-01T00:00:00.000Z') });
      await store.write({ basis: null, profile: newcomer });
      expect((await store.read('ada'))?.submissions).toBeNull();
      expect((await leaderboard.position('ada', 0))?.row).toMatchObject({ ...toLeaderboardStanding(newcomer), rank: 1 });
      expect((await leaderboard.page({ limit: 10 })).items).toHaveLength(1);
    }));

    it('lets exactly one of several writes from the same read win', run(async ({ store, profiles }) => {
      await store.write({ basis: null, profile: aProfile('ada') });
      const basis = (await store.read('ada'))!;
      const writes = [1, 2, 3, 4, 5].map((n) =>
        store.write({ basis, profile: advanced(basis.profile, { bio: `writer ${n}` }), entry: { entry: anEntry({ githubUsername: 'ada', day: n, entryType: 'github' }), expectedRevision: null } }),
      );
      const results = await Promise.allSettled(writes);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      for (const result of results) if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(StaleWriteError);
      const stored = (await store.read('ada'))!;
      expect(stored.entries).toHaveLength(1);
      expect(stored.profile.bio).toBe(`writer ${stored.entries[0]!.day}`);
      expect(await profiles.get('ada')).toEqual(stored.profile);
    }));

    it('keeps the board in leaderboard order across participants', run(async ({ store, leaderboard }) => {
      for (const [name, githubScore] of [['ada', 300], ['grace', 500], ['linus', 300]] as const) {
        await store.write({ basis: null, profile: aProfile(name, { githubScore, twitterScore: 0, daysCompleted: 3 }) });
      }
      const grace = (await store.read('grace'))!;
      await store.write({ basis: grace, profile: advanced(grace.profile, { githubScore: 100 }) });
      const page = await leaderboard.page({ limit: 10 });
      expect(page.items.map((row) => [row.githubUsername, row.rank])).toEqual([['ada', 1], ['linus', 1], ['grace', 3]]);
    }));
  });
}

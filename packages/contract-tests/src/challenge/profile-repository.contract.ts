import { StaleWriteError, type Profile, type ProfileRepository } from '@hdoc/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withSubject, type Disposable } from '../shared/contract-subject.js';
import { aProfile, freshNamespace, recase } from './challenge-fixtures.js';

export interface ProfileRepositorySubject extends Disposable {
  readonly repository: ProfileRepository;
}

/** The model of a repository: per lower-cased username, the last profile saved. */
type ProfileModel = Map<string, Profile>;

interface ProfileReal {
  readonly repository: ProfileRepository;
}

type ProfileCommand = fc.AsyncCommand<ProfileModel, ProfileReal>;

/** The ProfileRepository port's documented behaviour, for every adapter. */
export function describeProfileRepositoryContract(
  adapterName: string,
  makeSubject: () => Promise<ProfileRepositorySubject>,
): void {
  const run = (body: (s: ProfileRepositorySubject) => Promise<void>) => () => withSubject(makeSubject, body);

  describe(`ProfileRepository contract: ${adapterName}`, () => {
    it('returns a created profile, every field intact, by its username in any case', run(async ({ repository }) => {
      const ada = aProfile('Ada-Lovelace');
      await repository.save(ada, null);
      expect(await repository.get('Ada-Lovelace')).toEqual(ada);
      expect(await repository.get('ada-lovelace')).toEqual(ada);
      expect(await repository.get('ADA-LOVELACE')).toEqual(ada);
    }));

    it('answers null for an unknown username', run(async ({ repository }) => {
      await repository.save(aProfile('ada'), null);
      expect(await repository.get('ad')).toBeNull();
      expect(await repository.get('grace')).toBeNull();
    }));

    it('keeps null fields and a profile without entries as they were', run(async ({ repository }) => {
      const bare = aProfile('bare', { fullName: null, bio: null, twitterUsername: null, linkedinProfile: null, lastEntryAt: null, githubLastLocalDate: null, twitterLastLocalDate: null });
      await repository.save(bare, null);
      expect(await repository.get('bare')).toEqual(bare);
    }));

    it('refuses to create a username that exists in any case, keeping the stored one', run(async ({ repository }) => {
      const ada = aProfile('ada');
      await repository.save(ada, null);
      await expect(repository.save(aProfile('ADA', { bio: 'impostor' }), null)).rejects.toBeInstanceOf(StaleWriteError);
      expect(await repository.get('ada')).toEqual(ada);
    }));

    it('replaces a profile only when the expected version is the stored one', run(async ({ repository }) => {
      const v1 = aProfile('ada');
      await repository.save(v1, null);
      const v2 = { ...v1, bio: 'second', version: 2, updatedAt: new Date('2026-03-03T00:00:00.000Z') };
      await repository.save(v2, 1);
      expect(await repository.get('ada')).toEqual(v2);
      await expect(repository.save({ ...v1, bio: 'lost', version: 2 }, 1)).rejects.toBeInstanceOf(StaleWriteError);
      await expect(repository.save({ ...v1, bio: 'lost', version: 4 }, 3)).rejects.toBeInstanceOf(StaleWriteError);
      expect(await repository.get('ada')).toEqual(v2);
    }));

    it('refuses an update of a profile that does not exist', run(async ({ repository }) => {
      await expect(repository.save(aProfile('ghost', { version: 2 }), 1)).rejects.toBeInstanceOf(StaleWriteError);
      expect(await repository.get('ghost')).toBeNull();
    }));

    it('lets exactly one of concurrent saves on one version win', run(async ({ repository }) => {
      const v1 = aProfile('ada');
      await repository.save(v1, null);
      const writers = ['a', 'b', 'c', 'd'].map((bio) => repository.save({ ...v1, bio, version: 2 }, 1));
      const results = await Promise.allSettled(writers);
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [['a', 'b', 'c', 'd'][i]] : []));
      expect(won).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(StaleWriteError);
      expect((await repository.get('ada'))?.bio).toBe(won[0]);
    }));

    it('behaves like a map of usernames to versioned profiles for any sequence of saves and reads', run(async ({ repository }) => {
      const names = ['alice', 'bob-2', 'c'];
      const username = fc.tuple(fc.constantFrom(...names), fc.nat()).map(([name, mask]) => ({ name, mask }));
      const commands = [
        fc.tuple(username, fc.option(fc.nat({ max: 4 }), { nil: null }), fc.string({ maxLength: 5 })).map(
          ([{ name, mask }, expected, bio]) => new SaveCommand(name, mask, expected, bio),
        ),
        username.map(({ name, mask }) => new GetCommand(name, mask)),
      ];
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { size: '-1' }), async (cmds) => {
          const prefix = freshNamespace();
          const scoped = { repository: new NamespacedProfiles(repository, prefix) };
          await fc.asyncModelRun(() => ({ model: new Map(), real: scoped }), cmds);
        }),
        { numRuns: 40 },
      );
    }));
  });
}

/** Runs the model commands under a fresh username prefix so runs sharing one subject stay independent. */
class NamespacedProfiles implements ProfileRepository {
  constructor(
    private readonly inner: ProfileRepository,
    private readonly prefix: string,
  ) {}

  async get(githubUsername: string): Promise<Profile | null> {
    const found = await this.inner.get(`${this.prefix}-${githubUsername}`);
    return found && { ...found, githubUsername: found.githubUsername.slice(this.prefix.length + 1) };
  }

  save(profile: Profile, expectedVersion: number | null): Promise<void> {
    return this.inner.save({ ...profile, githubUsername: `${this.prefix}-${profile.githubUsername}` }, expectedVersion);
  }
}

class SaveCommand implements ProfileCommand {
  constructor(
    private readonly name: string,
    private readonly mask: number,
    private readonly expectedVersion: number | null,
    private readonly bio: string,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: ProfileModel, real: ProfileReal): Promise<void> {
    const stored = model.get(this.name);
    const profile = aProfile(recase(this.name, this.mask), { bio: this.bio, version: (this.expectedVersion ?? 0) + 1 });
    const write = real.repository.save(profile, this.expectedVersion);
    if ((stored?.version ?? null) === this.expectedVersion) {
      await write;
      model.set(this.name, profile);
    } else {
      await expect(write).rejects.toBeInstanceOf(StaleWriteError);
    }
  }

  toString(): string {
    return `save(${recase(this.name, this.mask)}, expected=${this.expectedVersion}, bio=${JSON.stringify(this.bio)})`;
  }
}

class GetCommand implements ProfileCommand {
  constructor(
    private readonly name: string,
    private readonly mask: number,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: ProfileModel, real: ProfileReal): Promise<void> {
    const found = await real.repository.get(recase(this.name, this.mask));
    const expected = model.get(this.name);
    if (expected === undefined) expect(found).toBeNull();
    else expect(found).toEqual(expected);
  }

  toString(): string {
    return `get(${recase(this.name, this.mask)})`;
  }
}

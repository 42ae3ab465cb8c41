import { StaleWriteError, type Profile, type ProfileRepository } from '@hdoc/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withSubject, type Disposable } from '../shared/contract-subject.js';
import { aProfile, freshIdBase, freshNamespace, freshTimeBase, recase } from './challenge-fixtures.js';

export interface ProfileRepositorySubject extends Disposable {
  readonly repository: ProfileRepository;
}

const MINUTE = 60_000;

/** The model of a repository: per lower-cased username, the last profile saved (ids are unique among them). */
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

    it('finds a profile by its GitHub id, and by nothing once it holds another', run(async ({ repository }) => {
      const base = freshIdBase();
      const ada = aProfile('ada', { githubId: base + 1 });
      await repository.save(ada, null);
      expect(await repository.getByGithubId(base + 1)).toEqual(ada);
      expect(await repository.getByGithubId(base + 2)).toBeNull();
      const moved = { ...ada, githubId: base + 2, version: 2 };
      await repository.save(moved, 1);
      expect(await repository.getByGithubId(base + 1)).toBeNull();
      expect(await repository.getByGithubId(base + 2)).toEqual(moved);
    }));

    it('refuses a second profile with a GitHub id another profile holds', run(async ({ repository }) => {
      const id = freshIdBase() + 1;
      await repository.save(aProfile('ada', { githubId: id }), null);
      await expect(repository.save(aProfile('grace', { githubId: id }), null)).rejects.toBeInstanceOf(StaleWriteError);
      expect(await repository.get('grace')).toBeNull();
      expect((await repository.getByGithubId(id))?.githubUsername).toBe('ada');
    }));

    it('renames a profile: the old username frees, the new one and the id lead to it', run(async ({ repository }) => {
      const id = freshIdBase() + 1;
      const ada = aProfile('ada', { githubId: id });
      await repository.save(ada, null);
      const renamed = { ...ada, githubUsername: 'Ada-L', version: 2 };
      await repository.rename('ADA', renamed, 1);
      expect(await repository.get('ada')).toBeNull();
      expect(await repository.get('ada-l')).toEqual(renamed);
      expect(await repository.getByGithubId(id)).toEqual(renamed);
      // The freed name may be taken by someone else.
      await repository.save(aProfile('ada', { githubId: id + 1 }), null);
      expect((await repository.getByGithubId(id + 1))?.githubUsername).toBe('ada');
    }));

    it('renames to another case of the same username', run(async ({ repository }) => {
      const ada = aProfile('ada', { githubId: freshIdBase() + 1 });
      await repository.save(ada, null);
      const respelled = { ...ada, githubUsername: 'ADA', version: 2 };
      await repository.rename('ada', respelled, 1);
      expect(await repository.get('ada')).toEqual(respelled);
    }));

    it('refuses a rename onto a held username, from a stale version, or of a missing profile, changing nothing', run(async ({ repository }) => {
      const base = freshIdBase();
      const ada = aProfile('ada', { githubId: base + 1 });
      const grace = aProfile('grace', { githubId: base + 2 });
      await repository.save(ada, null);
      await repository.save(grace, null);
      await expect(repository.rename('ada', { ...ada, githubUsername: 'Grace', version: 2 }, 1)).rejects.toBeInstanceOf(StaleWriteError);
      await expect(repository.rename('ada', { ...ada, githubUsername: 'ada2', version: 3 }, 2)).rejects.toBeInstanceOf(StaleWriteError);
      await expect(repository.rename('nobody', { ...ada, githubUsername: 'ada3', version: 2 }, 1)).rejects.toBeInstanceOf(StaleWriteError);
      await expect(repository.rename('ada', { ...ada, githubUsername: 'ada4', githubId: base + 2, version: 2 }, 1)).rejects.toBeInstanceOf(
        StaleWriteError,
      );
      expect(await repository.get('ada')).toEqual(ada);
      expect(await repository.get('grace')).toEqual(grace);
      for (const name of ['ada2', 'ada3', 'ada4']) expect(await repository.get(name)).toBeNull();
      expect(await repository.getByGithubId(base + 1)).toEqual(ada);
      expect(await repository.getByGithubId(base + 2)).toEqual(grace);
    }));

    it('lists the profiles due by an instant, earliest first, ties by lowercase username, bounded, none without an instant', run(async ({ repository }) => {
      const base = freshTimeBase();
      const at = (minutes: number) => new Date(base + minutes * MINUTE);
      const saved = [
        aProfile('Carol', { nextTransitionAt: at(10) }),
        aProfile('bob', { nextTransitionAt: at(5) }),
        aProfile('Alice', { nextTransitionAt: at(10) }),
        aProfile('dave', { nextTransitionAt: at(11) }),
        aProfile('erin', { nextTransitionAt: null }),
      ];
      for (const profile of saved) await repository.save(profile, null);
      const names = async (dueBy: Date, limit: number) => (await repository.listTransitionDue(dueBy, limit)).map((p) => p.githubUsername);
      expect(await names(at(10), 10)).toEqual(['bob', 'Alice', 'Carol']);
      expect(await names(at(10), 2)).toEqual(['bob', 'Alice']);
      expect(await names(at(4), 10)).toEqual([]);
      expect(await names(at(60), 10)).toEqual(['bob', 'Alice', 'Carol', 'dave']);
      expect((await repository.listTransitionDue(at(5), 1))[0]).toEqual(saved[1]);
    }));

    it('lists a profile by the instant it was last saved or renamed with, under its current name', run(async ({ repository }) => {
      const base = freshTimeBase();
      const at = (minutes: number) => new Date(base + minutes * MINUTE);
      const ada = aProfile('ada', { githubId: freshIdBase() + 1, nextTransitionAt: at(1) });
      await repository.save(ada, null);
      const later = { ...ada, nextTransitionAt: at(30), version: 2 };
      await repository.save(later, 1);
      expect(await repository.listTransitionDue(at(29), 10)).toEqual([]);
      const renamed = { ...later, githubUsername: 'Ada-L', nextTransitionAt: at(2), version: 3 };
      await repository.rename('ada', renamed, 2);
      expect(await repository.listTransitionDue(at(29), 10)).toEqual([renamed]);
      const settled = { ...renamed, nextTransitionAt: null, version: 4 };
      await repository.save(settled, 3);
      expect(await repository.listTransitionDue(at(60), 10)).toEqual([]);
    }));

    it('behaves like a map of usernames to versioned profiles with unique ids and a due index for any sequence of saves, renames and reads', run(async ({ repository }) => {
      const names = ['alice', 'bob-2', 'c'];
      const username = fc.tuple(fc.constantFrom(...names), fc.nat()).map(([name, mask]) => ({ name, mask }));
      const githubId = fc.option(fc.integer({ min: 1, max: 3 }), { nil: null });
      const expectedVersion = fc.option(fc.nat({ max: 4 }), { nil: null });
      // Minutes into the run's own time window, few enough values that instants tie.
      const transition = fc.option(fc.integer({ min: 0, max: 4 }).map((m) => m * 10), { nil: null });
      const commands = [
        fc.tuple(username, expectedVersion, fc.string({ maxLength: 5 }), githubId, transition).map(
          ([{ name, mask }, expected, bio, id, minutes]) => new SaveCommand(name, mask, expected, bio, id, minutes),
        ),
        fc.tuple(username, username, fc.nat({ max: 4 }), githubId, transition).map(
          ([from, to, expected, id, minutes]) => new RenameCommand(from.name, to.name, to.mask, expected, id, minutes),
        ),
        username.map(({ name, mask }) => new GetCommand(name, mask)),
        fc.integer({ min: 1, max: 3 }).map((id) => new GetByIdCommand(id)),
        fc.tuple(fc.integer({ min: 0, max: 45 }), fc.integer({ min: 1, max: 4 })).map(([minutes, limit]) => new ListDueCommand(minutes, limit)),
      ];
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { size: '-1' }), async (cmds) => {
          const prefix = freshNamespace();
          const scoped = { repository: new NamespacedProfiles(repository, prefix, freshIdBase(), freshTimeBase()) };
          await fc.asyncModelRun(() => ({ model: new Map(), real: scoped }), cmds);
        }),
        { numRuns: 40 },
      );
    }));
  });
}

/**
 * Runs the model commands under a fresh username prefix, id range and time window (instants are stored
 * shifted by `timeBase`), so runs sharing one subject stay independent.
 */
class NamespacedProfiles implements ProfileRepository {
  constructor(
    private readonly inner: ProfileRepository,
    private readonly prefix: string,
    private readonly idBase: number,
    private readonly timeBase: number,
  ) {}

  async get(githubUsername: string): Promise<Profile | null> {
    return this.unscoped(await this.inner.get(`${this.prefix}-${githubUsername}`));
  }

  async getByGithubId(githubId: number): Promise<Profile | null> {
    return this.unscoped(await this.inner.getByGithubId(this.idBase + githubId));
  }

  save(profile: Profile, expectedVersion: number | null): Promise<void> {
    return this.inner.save(this.scoped(profile), expectedVersion);
  }

  rename(fromUsername: string, profile: Profile, expectedVersion: number): Promise<void> {
    return this.inner.rename(`${this.prefix}-${fromUsername}`, this.scoped(profile), expectedVersion);
  }

  async listTransitionDue(dueBy: Date, limit: number): Promise<readonly Profile[]> {
    const due = await this.inner.listTransitionDue(new Date(dueBy.getTime() + this.timeBase), limit);
    return due.map((profile) => this.unscoped(profile) as Profile);
  }

  private scoped(profile: Profile): Profile {
    const githubId = profile.githubId === null ? null : this.idBase + profile.githubId;
    const nextTransitionAt = profile.nextTransitionAt === null ? null : new Date(profile.nextTransitionAt.getTime() + this.timeBase);
    return { ...profile, githubUsername: `${this.prefix}-${profile.githubUsername}`, githubId, nextTransitionAt };
  }

  private unscoped(found: Profile | null): Profile | null {
    if (found === null) return null;
    const githubId = found.githubId === null ? null : found.githubId - this.idBase;
    const nextTransitionAt = found.nextTransitionAt === null ? null : new Date(found.nextTransitionAt.getTime() - this.timeBase);
    return { ...found, githubUsername: found.githubUsername.slice(this.prefix.length + 1), githubId, nextTransitionAt };
  }
}

/** An instant `minutes` into the run's window (NamespacedProfiles shifts it into the subject's). */
const instantAt = (minutes: number | null): Date | null => (minutes === null ? null : new Date(minutes * MINUTE));

/** Whether `profile`'s id is unset or held by no other profile than the one under `ownKey`, in the model. */
function idFreeIn(model: ProfileModel, profile: Profile, ownKey: string): boolean {
  if (profile.githubId === null) return true;
  return [...model].every(([key, held]) => key === ownKey || held.githubId !== profile.githubId);
}

class SaveCommand implements ProfileCommand {
  constructor(
    private readonly name: string,
    private readonly mask: number,
    private readonly expectedVersion: number | null,
    private readonly bio: string,
    private readonly githubId: number | null,
    private readonly transitionMinutes: number | null,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: ProfileModel, real: ProfileReal): Promise<void> {
    const stored = model.get(this.name);
    const profile = aProfile(recase(this.name, this.mask), {
      bio: this.bio,
      githubId: this.githubId,
      nextTransitionAt: instantAt(this.transitionMinutes),
      version: (this.expectedVersion ?? 0) + 1,
    });
    const write = real.repository.save(profile, this.expectedVersion);
    if ((stored?.version ?? null) === this.expectedVersion && idFreeIn(model, profile, this.name)) {
      await write;
      model.set(this.name, profile);
    } else {
      await expect(write).rejects.toBeInstanceOf(StaleWriteError);
    }
  }

  toString(): string {
    return `save(${recase(this.name, this.mask)}, expected=${this.expectedVersion}, bio=${JSON.stringify(this.bio)}, id=${this.githubId}, due=${this.transitionMinutes})`;
  }
}

class RenameCommand implements ProfileCommand {
  constructor(
    private readonly from: string,
    private readonly to: string,
    private readonly mask: number,
    private readonly expectedVersion: number,
    private readonly githubId: number | null,
    private readonly transitionMinutes: number | null,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: ProfileModel, real: ProfileReal): Promise<void> {
    const stored = model.get(this.from);
    const base = stored ?? aProfile(this.from);
    const profile = {
      ...base,
      githubUsername: recase(this.to, this.mask),
      githubId: this.githubId,
      nextTransitionAt: instantAt(this.transitionMinutes),
      version: this.expectedVersion + 1,
    };
    const write = real.repository.rename(this.from, profile, this.expectedVersion);
    const targetFree = this.to === this.from || !model.has(this.to);
    if (stored?.version === this.expectedVersion && targetFree && idFreeIn(model, profile, this.from)) {
      await write;
      model.delete(this.from);
      model.set(this.to, profile);
    } else {
      await expect(write).rejects.toBeInstanceOf(StaleWriteError);
    }
  }

  toString(): string {
    return `rename(${this.from} -> ${recase(this.to, this.mask)}, expected=${this.expectedVersion}, id=${this.githubId}, due=${this.transitionMinutes})`;
  }
}

class GetByIdCommand implements ProfileCommand {
  constructor(private readonly githubId: number) {}

  check(): boolean {
    return true;
  }

  async run(model: ProfileModel, real: ProfileReal): Promise<void> {
    const expected = [...model.values()].find((profile) => profile.githubId === this.githubId) ?? null;
    expect(await real.repository.getByGithubId(this.githubId)).toEqual(expected);
  }

  toString(): string {
    return `getByGithubId(${this.githubId})`;
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

class ListDueCommand implements ProfileCommand {
  constructor(
    private readonly minutes: number,
    private readonly limit: number,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: ProfileModel, real: ProfileReal): Promise<void> {
    const dueBy = this.minutes * MINUTE;
    const expected = [...model]
      .filter(([, profile]) => profile.nextTransitionAt !== null && profile.nextTransitionAt.getTime() <= dueBy)
      .sort(([a, p], [b, q]) => (p.nextTransitionAt?.getTime() ?? 0) - (q.nextTransitionAt?.getTime() ?? 0) || (a < b ? -1 : 1))
      .slice(0, this.limit)
      .map(([, profile]) => profile);
    expect(await real.repository.listTransitionDue(new Date(dueBy), this.limit)).toEqual(expected);
  }

  toString(): string {
    return `listTransitionDue(${this.minutes}min, limit=${this.limit})`;
  }
}

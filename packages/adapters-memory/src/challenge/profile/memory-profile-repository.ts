import { githubUsernameKey, StaleWriteError, type Profile, type ProfileRepository } from '@hdoc/domain';
import { DueIndex } from '../../shared/due-index.js';

/**
 * ProfileRepository in a Map keyed by lower-cased username, plus a Map from GitHub id to that key (the
 * unique id index) and a DueIndex of keys by next transition instant; copies in and out so callers never
 * share state. Every write checks all its conditions before changing anything, which is what a DynamoDB
 * transaction over the profile and id items does.
 */
export class MemoryProfileRepository implements ProfileRepository {
  private readonly profiles = new Map<string, Profile>();
  private readonly keyByGithubId = new Map<number, string>();
  private readonly byTransition = new DueIndex();

  async get(githubUsername: string): Promise<Profile | null> {
    return this.copyOf(this.profiles.get(githubUsernameKey(githubUsername)));
  }

  async getByGithubId(githubId: number): Promise<Profile | null> {
    const key = this.keyByGithubId.get(githubId);
    return key === undefined ? null : this.copyOf(this.profiles.get(key));
  }

  async save(profile: Profile, expectedVersion: number | null): Promise<void> {
    const key = githubUsernameKey(profile.githubUsername);
    const stored = this.profiles.get(key);
    if ((stored?.version ?? null) !== expectedVersion || !this.idFreeFor(profile, key)) {
      throw new StaleWriteError(`profile ${profile.githubUsername}`);
    }
    this.write(stored, key, profile);
  }

  async rename(fromUsername: string, profile: Profile, expectedVersion: number): Promise<void> {
    const fromKey = githubUsernameKey(fromUsername);
    const toKey = githubUsernameKey(profile.githubUsername);
    const stored = this.profiles.get(fromKey);
    const targetTaken = toKey !== fromKey && this.profiles.has(toKey);
    if (stored?.version !== expectedVersion || targetTaken || !this.idFreeFor(profile, fromKey)) {
      throw new StaleWriteError(`profile ${fromUsername}`);
    }
    this.profiles.delete(fromKey);
    this.byTransition.delete(fromKey);
    this.write(stored, toKey, profile);
  }

  /** The stored version of a profile (null: none), read synchronously so a caller can check and write with no await between. */
  versionOf(githubUsername: string): number | null {
    return this.profiles.get(githubUsernameKey(githubUsername))?.version ?? null;
  }

  async listTransitionDue(dueBy: Date, limit: number): Promise<readonly Profile[]> {
    return this.byTransition.due(dueBy, limit).map((key) => this.copyOf(this.profiles.get(key)) as Profile);
  }

  /** Whether the profile's id is unset, or held by nobody else than the profile stored under `ownKey`. */
  private idFreeFor(profile: Profile, ownKey: string): boolean {
    if (profile.githubId === null) return true;
    const holder = this.keyByGithubId.get(profile.githubId);
    return holder === undefined || holder === ownKey;
  }

  private write(previous: Profile | undefined, key: string, profile: Profile): void {
    if (previous !== undefined && previous.githubId !== null) this.keyByGithubId.delete(previous.githubId);
    this.profiles.set(key, structuredClone(profile));
    this.byTransition.set(key, profile.nextTransitionAt);
    if (profile.githubId !== null) this.keyByGithubId.set(profile.githubId, key);
  }

  private copyOf(profile: Profile | undefined): Profile | null {
    return profile === undefined ? null : structuredClone(profile);
  }
}

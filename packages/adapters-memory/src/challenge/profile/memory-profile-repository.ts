import { githubUsernameKey, StaleWriteError, type Profile, type ProfileRepository } from '@hdoc/domain';

/** ProfileRepository in a Map keyed by lower-cased username; copies in and out so callers never share state. */
export class MemoryProfileRepository implements ProfileRepository {
  private readonly profiles = new Map<string, Profile>();

  async get(githubUsername: string): Promise<Profile | null> {
    const profile = this.profiles.get(githubUsernameKey(githubUsername));
    return profile === undefined ? null : structuredClone(profile);
  }

  async save(profile: Profile, expectedVersion: number | null): Promise<void> {
    const key = githubUsernameKey(profile.githubUsername);
    const storedVersion = this.profiles.get(key)?.version ?? null;
    if (storedVersion !== expectedVersion) throw new StaleWriteError(`profile ${profile.githubUsername}`);
    this.profiles.set(key, structuredClone(profile));
  }
}

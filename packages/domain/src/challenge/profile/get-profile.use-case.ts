import type { Clock } from '../../shared/clock.port.js';
import { NotFoundError } from '../../shared/errors.js';
import { parseGithubUsername } from '../participant/github-username.js';
import { projectProfile, type Profile } from './profile.js';
import type { ProfileRepository } from './profile-repository.port.js';

export interface GetProfileInput {
  githubUsername: string;
}

export interface GetProfileOutput {
  profile: Profile;
}

/** A public profile, with streaks and status projected to now (they may have lapsed since the last write). */
export class GetProfile {
  constructor(
    private readonly profiles: ProfileRepository,
    private readonly clock: Clock,
  ) {}

  async execute(input: GetProfileInput): Promise<GetProfileOutput> {
    const githubUsername = parseGithubUsername(input.githubUsername);
    const profile = await this.profiles.get(githubUsername);
    if (profile === null) throw new NotFoundError('profile');
    return { profile: projectProfile(profile, this.clock.now()) };
  }
}

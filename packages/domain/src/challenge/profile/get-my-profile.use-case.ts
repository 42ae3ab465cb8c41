import type { Clock } from '../../shared/clock.port.js';
import { NotFoundError } from '../../shared/errors.js';
import type { Principal } from '../../shared/principal.js';
import { participantLogin } from '../participant/participant-login.js';
import { projectProfile, type Profile } from './profile.js';
import type { ProfileRepository } from './profile-repository.port.js';

export interface GetMyProfileInput {
  actor: Principal;
}

export interface GetMyProfileOutput {
  profile: Profile;
}

/**
 * The signed-in participant's own profile (GET /profiles/me), projected to now. A password account is
 * not a participant: ForbiddenError.
 */
export class GetMyProfile {
  constructor(
    private readonly profiles: ProfileRepository,
    private readonly clock: Clock,
  ) {}

  async execute(input: GetMyProfileInput): Promise<GetMyProfileOutput> {
    const profile = await this.profiles.get(participantLogin(input.actor));
    if (profile === null) throw new NotFoundError('profile');
    return { profile: projectProfile(profile, this.clock.now()) };
  }
}

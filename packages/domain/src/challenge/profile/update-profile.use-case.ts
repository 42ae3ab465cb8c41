import type { Clock } from '../../shared/clock.port.js';
import type { Principal } from '../../shared/principal.js';
import type { Leaderboard } from '../leaderboard/leaderboard.port.js';
import { participantLogin } from '../participant/participant-login.js';
import type { ParticipantProgressStore } from '../progress/participant-progress-store.port.js';
import { ProfileProgressWriter } from '../progress/profile-progress-writer.js';
import { projectProfile, type Profile, type ProfileDetails } from './profile.js';
import { parseBio, parseFullName, parseLinkedinProfile, parseTwitterUsername } from './profile-fields.js';
import { parseTimezone } from './timezone.js';

/** The editable fields; an absent field is left as is, null clears an optional one. */
export interface ProfilePatch {
  fullName?: string | null;
  bio?: string | null;
  twitterUsername?: string | null;
  linkedinProfile?: string | null;
  /** Not clearable: every profile has a timezone. */
  timezone?: string;
}

export interface UpdateProfileInput {
  actor: Principal;
  patch: ProfilePatch;
}

export interface UpdateProfileOutput {
  profile: Profile;
}

const PARSERS = {
  fullName: parseFullName,
  bio: parseBio,
  twitterUsername: parseTwitterUsername,
  linkedinProfile: parseLinkedinProfile,
  timezone: parseTimezone,
} as const satisfies Record<keyof ProfilePatch, (value: unknown) => unknown>;

/** Validates the whole patch before anything is read, so bad input changes nothing. */
function parsePatch(patch: ProfilePatch): Partial<ProfileDetails> {
  const edit: Record<string, unknown> = {};
  for (const key of Object.keys(PARSERS) as (keyof ProfilePatch)[]) {
    if (patch[key] !== undefined) edit[key] = PARSERS[key](patch[key]);
  }
  return edit as Partial<ProfileDetails>;
}

/**
 * The signed-in participant edits their own profile. A timezone change moves "today" for streaks and
 * status from now on but never rewrites the local dates of past entries; the derived fields and the
 * leaderboard standing are recomputed in the same write.
 */
export class UpdateProfile {
  private readonly writer: ProfileProgressWriter;

  constructor(
    store: ParticipantProgressStore,
    leaderboard: Leaderboard,
    private readonly clock: Clock,
  ) {
    this.writer = new ProfileProgressWriter(store, leaderboard, clock);
  }

  async execute(input: UpdateProfileInput): Promise<UpdateProfileOutput> {
    const githubUsername = participantLogin(input.actor);
    const edit = parsePatch(input.patch);
    const { profile } = await this.writer.write(githubUsername, () => ({ details: edit, result: undefined }));
    return { profile: projectProfile(profile, this.clock.now()) };
  }
}

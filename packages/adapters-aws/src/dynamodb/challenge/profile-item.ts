import type { Profile } from '@hdoc/domain';
import { PROFILE_STATUSES } from '@hdoc/domain';
import { profileDueKeys, profileKey } from './challenge-keys.js';
import type { Item } from './item-codec.js';
import { instant, integer, itemCodec, nullable, oneOf, text } from './item-codec.js';

/** Attribute names the repository's conditions read. */
export const PROFILE_VERSION = 'version';
export const PROFILE_GITHUB_ID = 'github_id';

/** Every profile field, snake_case as in the HTTP API, instants as epoch milliseconds. */
const profileCodec = itemCodec<Profile>({
  githubUsername: ['github_username', text],
  githubId: [PROFILE_GITHUB_ID, nullable(integer)],
  avatarUrl: ['avatar_url', nullable(text)],
  fullName: ['full_name', nullable(text)],
  bio: ['bio', nullable(text)],
  twitterUsername: ['twitter_username', nullable(text)],
  linkedinProfile: ['linkedin_profile', nullable(text)],
  timezone: ['timezone', text],
  daysCompleted: ['days_completed', integer],
  githubEntryCount: ['github_entry_count', integer],
  twitterEntryCount: ['twitter_entry_count', integer],
  githubScore: ['github_score', integer],
  twitterScore: ['twitter_score', integer],
  githubLastLocalDate: ['github_last_local_date', nullable(text)],
  githubRunLength: ['github_run_length', integer],
  twitterLastLocalDate: ['twitter_last_local_date', nullable(text)],
  twitterRunLength: ['twitter_run_length', integer],
  lastEntryAt: ['last_entry_at', nullable(instant)],
  githubStreak: ['github_streak', integer],
  twitterStreak: ['twitter_streak', integer],
  status: ['status', oneOf(PROFILE_STATUSES)],
  nextTransitionAt: ['next_transition_at', nullable(instant)],
  createdAt: ['created_at', instant],
  updatedAt: ['updated_at', instant],
  version: [PROFILE_VERSION, integer],
});

/** The profile item: its key, its due-index keys when it has a next transition, and every field. */
export function profileItem(profile: Profile): Item {
  return {
    ...profileKey(profile.githubUsername),
    ...profileDueKeys(profile.githubUsername, profile.nextTransitionAt),
    ...profileCodec.toItem(profile),
  };
}

/** The profile stored in an item (a profile item, or its copy in the due index). */
export function profileOf(item: Item): Profile {
  return profileCodec.fromItem(item);
}

/** A participant's place in the challenge; `completed` is terminal. */
export type ProfileStatus = 'active' | 'inactive' | 'completed';

export const PROFILE_STATUSES: readonly ProfileStatus[] = ['active', 'inactive', 'completed'];

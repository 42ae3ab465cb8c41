import { createProfile, type Entry, type EntryKey, type Profile } from '@hdoc/domain';

const CREATED = new Date('2026-03-01T10:00:00.000Z');

/** A new profile (version 1) with every field set, so a round trip that drops one is caught. */
export function aProfile(githubUsername: string, overrides: Partial<Profile> = {}): Profile {
  const base = createProfile(
    githubUsername,
    {
      fullName: 'Ada Lovelace',
      bio: 'clouds',
      twitterUsername: 'ada_l',
      linkedinProfile: 'https://www.linkedin.com/in/ada-l',
      timezone: 'Europe/Paris',
      avatarUrl: 'https://avatars.githubusercontent.com/u/1?v=4',
    },
    CREATED,
  );
  return {
    ...base,
    lastEntryAt: new Date('2026-03-02T11:00:00.000Z'),
    daysCompleted: 3,
    githubEntryCount: 4,
    twitterEntryCount: 2,
    githubScore: 170,
    twitterScore: 55,
    githubStreak: 2,
    twitterStreak: 1,
    githubLastLocalDate: '2026-03-02',
    githubRunLength: 2,
    twitterLastLocalDate: '2026-03-01',
    twitterRunLength: 1,
    ...overrides,
  };
}

/** An entry (revision 1) of `key`. */
export function anEntry(key: EntryKey, overrides: Partial<Entry> = {}): Entry {
  return {
    ...key,
    url: `https://github.com/${key.githubUsername}/cloud/commit/${key.day}`,
    verified: false,
    confidence: 0,
    verificationReason: null,
    checkedAt: null,
    requeueAt: null,
    localDate: '2026-03-01',
    createdAt: CREATED,
    updatedAt: CREATED,
    revision: 1,
    ...overrides,
  };
}

/** Mixes the case of a username, character by character from the bits of `mask`. */
export function recase(username: string, mask: number): string {
  return [...username].map((c, i) => ((mask >> i % 31) & 1 ? c.toUpperCase() : c.toLowerCase())).join('');
}

let namespace = 0;

/**
 * A username prefix no earlier run used: property runs share one subject (a real table is costly to
 * create) and stay independent by touching only their own participants.
 */
export function freshNamespace(): string {
  namespace += 1;
  return `ns${namespace}x${Date.now().toString(36)}`;
}

let timeBlock = 0;

/** Days apart of the windows `freshTimeBase` hands out. */
const TIME_WINDOW_DAYS = 30;

/**
 * The start of a window of due instants (TIME_WINDOW_DAYS long) entirely EARLIER than every window
 * handed out before: a run sharing one subject with earlier runs reads "due by" instants inside its own
 * window, so what earlier runs left behind (all later) is never due for it.
 */
export function freshTimeBase(): number {
  timeBlock += 1;
  return Date.UTC(2000, 0, 1) - timeBlock * TIME_WINDOW_DAYS * 86_400_000;
}

let idBlock = 0;

/**
 * A base for GitHub ids no earlier run used (ids base+1..base+999 are the caller's), so runs sharing one
 * subject never collide on the unique id index.
 */
export function freshIdBase(): number {
  idBlock += 1;
  return (Date.now() % 1_000_000) * 1_000_000 + idBlock * 1_000;
}

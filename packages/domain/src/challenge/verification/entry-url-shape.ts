import type { Entry } from '../entry/entry.js';
import type { Profile } from '../profile/profile.js';
import { parseHttpUrl, pathSegments } from '../shared/http-url.js';

/** Whether an entry's url has the shape of the participant's own work, and why not. */
export interface UrlShapeCheck {
  readonly matches: boolean;
  readonly reason: string;
}

const GITHUB_HOSTS: ReadonlySet<string> = new Set(['github.com', 'www.github.com']);
const TWITTER_HOSTS: ReadonlySet<string> = new Set([
  'twitter.com',
  'www.twitter.com',
  'mobile.twitter.com',
  'x.com',
  'www.x.com',
  'mobile.x.com',
]);
const POST_ID = /^[0-9]{1,20}$/;

const sameLogin = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * The pure part of verification that every EntryVerifier adapter applies first: a GitHub entry points
 * into the participant's own account (`github.com/<username>/<repository>...`), a Twitter entry is a post
 * of the participant's handle (`(twitter|x).com/<twitter_username>/status/<id>`). Logins compare
 * case-insensitively, as GitHub and X treat them.
 */
export function checkEntryUrlShape(
  entry: Pick<Entry, 'entryType' | 'url'>,
  profile: Pick<Profile, 'githubUsername' | 'twitterUsername'>,
): UrlShapeCheck {
  const url = parseHttpUrl(entry.url);
  if (url === null) return { matches: false, reason: 'not an http(s) url' };
  const segments = pathSegments(url);
  const host = url.hostname.toLowerCase();
  if (entry.entryType === 'github') {
    if (!GITHUB_HOSTS.has(host)) return { matches: false, reason: 'not a github.com url' };
    const [owner, repository] = segments;
    if (owner === undefined || !sameLogin(owner, profile.githubUsername)) {
      return { matches: false, reason: `not under github.com/${profile.githubUsername}` };
    }
    if (repository === undefined) return { matches: false, reason: 'does not point into a repository' };
    return { matches: true, reason: 'a repository of the participant' };
  }
  if (!TWITTER_HOSTS.has(host)) return { matches: false, reason: 'not a twitter.com or x.com url' };
  if (profile.twitterUsername === null) return { matches: false, reason: 'the profile has no twitter_username' };
  const [handle, status, id] = segments;
  if (handle === undefined || !sameLogin(handle, profile.twitterUsername)) {
    return { matches: false, reason: `not a post of @${profile.twitterUsername}` };
  }
  if (status !== 'status' || id === undefined || !POST_ID.test(id)) {
    return { matches: false, reason: 'not a /<handle>/status/<id> post url' };
  }
  return { matches: true, reason: 'a post of the participant' };
}

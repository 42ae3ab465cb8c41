import {
  checkEntryUrlShape,
  scoreVerificationChecks,
  VERIFICATION_CHECK_POINTS,
  verificationCheck,
  type Clock,
  type EntryVerification,
  type EntryVerificationRequest,
  type EntryVerifier,
} from '@hdoc/domain';
import { VerifierHttpClient, type VerifierHttpSettings } from './verifier-http-client.js';

/** Where and how {@link XOEmbedEntryVerifier} reaches X's oEmbed endpoint. */
export interface XOEmbedEntryVerifierOptions extends VerifierHttpSettings {
  /** Serves `GET /oembed?url=`; default https://publish.twitter.com. */
  readonly baseUrl?: string;
  readonly clock: Clock;
}

const POINTS = VERIFICATION_CHECK_POINTS.twitter;
const check = verificationCheck;

/** The challenge's hashtag as a whole word (not `#100DaysOfCloudNative`), in any letter case. */
const HASHTAG = /#100DaysOfCloud(?![\p{L}\p{N}_])/iu;

/** The handle of an oEmbed `author_url` (`https://twitter.com/<handle>`); null when it has none. */
function handleOf(authorUrl: unknown): string | null {
  if (typeof authorUrl !== 'string') return null;
  try {
    return new URL(authorUrl).pathname.split('/').find((segment) => segment.length > 0) ?? null;
  } catch {
    return null;
  }
}

/**
 * Twitter/X entries, on the public oEmbed endpoint (no key, no account): the url's shape (a post url
 * of the profile's twitter_username), then GET /oembed?url= for the post: it exists and is public
 * (200; 404 for a deleted post, 403 for a protected one), its author (`author_url`) is the participant,
 * since X serves a post under any handle in its url, and its text (`html`) carries #100DaysOfCloud.
 * Scored with the domain's check points.
 */
export class XOEmbedEntryVerifier implements EntryVerifier {
  private readonly http: VerifierHttpClient;
  private readonly baseUrl: string;

  constructor(options: XOEmbedEntryVerifierOptions) {
    this.baseUrl = (options.baseUrl ?? 'https://publish.twitter.com').replace(/\/+$/, '');
    this.http = new VerifierHttpClient('X', { accept: 'application/json', 'user-agent': 'hdoc' }, options.clock, options);
  }

  async verify({ entry, profile }: EntryVerificationRequest): Promise<EntryVerification> {
    const shape = checkEntryUrlShape(entry, profile);
    if (!shape.matches || profile.twitterUsername === null) return scoreVerificationChecks([check(false, POINTS.url, shape.reason)]);
    const [handle, , id] = new URL(entry.url).pathname.split('/').filter((segment) => segment.length > 0);
    const url = new URL(`${this.baseUrl}/oembed`);
    // One canonical form of the post's url: oEmbed knows twitter.com urls best, without query or tracking.
    url.searchParams.set('url', `https://twitter.com/${handle ?? ''}/status/${id ?? ''}`);
    url.searchParams.set('omit_script', 'true');
    url.searchParams.set('dnt', 'true');
    const { status, body } = await this.http.getJson(url);
    const checks = [check(true, POINTS.url, shape.reason)];
    if (status !== 200 || typeof body !== 'object' || body === null) {
      return scoreVerificationChecks([...checks, check(false, POINTS.post, 'post not found (deleted or not public)')]);
    }
    checks.push(check(true, POINTS.post, 'post exists'));
    const { author_url: authorUrl, html } = body as { author_url?: unknown; html?: unknown };
    const author = handleOf(authorUrl);
    if (author === null || author.toLowerCase() !== profile.twitterUsername.toLowerCase()) {
      return scoreVerificationChecks([...checks, check(false, POINTS.author, `posted by ${author === null ? 'someone else' : `@${author}`}, not @${profile.twitterUsername}`)]);
    }
    checks.push(check(true, POINTS.author, `posted by @${author}`));
    const tagged = typeof html === 'string' && HASHTAG.test(html);
    checks.push(check(tagged, POINTS.hashtag, tagged ? 'carries #100DaysOfCloud' : 'the post does not carry #100DaysOfCloud'));
    return scoreVerificationChecks(checks);
  }
}

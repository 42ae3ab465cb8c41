import { ValidationError } from '../../shared/errors.js';
import { parseHttpUrl } from '../shared/http-url.js';
import { optionalText, requireMaxLength } from '../shared/text-field.js';

export const MAX_FULL_NAME_LENGTH = 100;
export const MAX_BIO_LENGTH = 160;

const TWITTER_USERNAME = /^[A-Za-z0-9_]{1,15}$/;
const LINKEDIN_PROFILE = /^https:\/\/(?:www\.)?linkedin\.com\/in\/([A-Za-z0-9-]{3,100})\/?$/;

/** Full name: optional, at most 100 characters, trimmed; blank clears it. */
export function parseFullName(value: unknown, field = 'full_name'): string | null {
  const text = optionalText(value, field);
  return text === null ? null : requireMaxLength(text, MAX_FULL_NAME_LENGTH, field);
}

/** Bio: optional, at most 160 characters (GitHub's own limit), trimmed; blank clears it. */
export function parseBio(value: unknown, field = 'bio'): string | null {
  const text = optionalText(value, field);
  return text === null ? null : requireMaxLength(text, MAX_BIO_LENGTH, field);
}

/** Twitter/X handle: 1..15 of letters, digits and underscores; a leading `@` is accepted and dropped. */
export function parseTwitterUsername(value: unknown, field = 'twitter_username'): string | null {
  const text = optionalText(value, field);
  if (text === null) return null;
  const handle = text.startsWith('@') ? text.slice(1) : text;
  if (!TWITTER_USERNAME.test(handle)) {
    throw new ValidationError(field, 'must be 1 to 15 letters, digits or underscores, optionally after @');
  }
  return handle;
}

/**
 * LinkedIn profile URL `https://(www.)linkedin.com/in/<slug>` with a slug of 3..100 letters, digits or
 * hyphens; stored without a trailing slash so equal profiles compare equal.
 */
export function parseLinkedinProfile(value: unknown, field = 'linkedin_profile'): string | null {
  const text = optionalText(value, field);
  if (text === null) return null;
  if (!LINKEDIN_PROFILE.test(text)) {
    throw new ValidationError(field, 'must look like https://www.linkedin.com/in/<profile> (3 to 100 letters, digits or hyphens)');
  }
  return text.endsWith('/') ? text.slice(0, -1) : text;
}

/** Avatar image URL from GitHub: https only (it is shown in pages), at most 2048 characters; else dropped. */
export function parseAvatarUrl(value: unknown, field = 'avatar_url'): string | null {
  const text = optionalText(value, field);
  if (text === null) return null;
  requireMaxLength(text, 2048, field);
  if (parseHttpUrl(text)?.protocol !== 'https:') throw new ValidationError(field, 'must be an https URL');
  return text;
}

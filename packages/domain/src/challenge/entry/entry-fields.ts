import { ValidationError } from '../../shared/errors.js';
import { parseHttpUrl } from '../shared/http-url.js';
import { ENTRY_TYPES, type EntryType } from './entry.js';

export const CHALLENGE_DAYS = 100;
export const MAX_ENTRY_URL_LENGTH = 2048;

/** A challenge day: an integer from 1 to 100. */
export function parseDay(value: unknown, field = 'day'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > CHALLENGE_DAYS) {
    throw new ValidationError(field, `must be an integer from 1 to ${CHALLENGE_DAYS}`);
  }
  return value;
}

/** `github` or `twitter`. */
export function parseEntryType(value: unknown, field = 'entry_type'): EntryType {
  const type = ENTRY_TYPES.find((candidate) => candidate === value);
  if (type === undefined) throw new ValidationError(field, `must be one of ${ENTRY_TYPES.join(', ')}`);
  return type;
}

/** An absolute http(s) URL of at most 2048 characters that `URL` parses; stored trimmed, otherwise as given. */
export function parseEntryUrl(value: unknown, field = 'url'): string {
  if (typeof value !== 'string') throw new ValidationError(field, 'must be a string');
  const url = value.trim();
  if (url.length === 0) throw new ValidationError(field, 'must not be empty');
  if (url.length > MAX_ENTRY_URL_LENGTH) {
    throw new ValidationError(field, `must be at most ${MAX_ENTRY_URL_LENGTH} characters`);
  }
  if (parseHttpUrl(url) === null) throw new ValidationError(field, 'must be an absolute http or https URL');
  return url;
}

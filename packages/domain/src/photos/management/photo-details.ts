import { ValidationError } from '../../shared/errors.js';
import { assertNoControlCharacters, codePointLength } from '../photo/photo-rules.js';

export const MAX_TITLE_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;
export const MAX_METADATA_KEYS = 20;
export const MAX_METADATA_VALUE_LENGTH = 256;
const METADATA_KEY = /^[a-z0-9_-]{1,64}$/u;
/** Keys that name Object.prototype's own machinery: refused so that no reader of the map can be confused by them. */
const RESERVED_METADATA_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A tag as the catalog stores and filters it: trimmed, lowercase, 1..50 characters. */
export function normaliseTag(tag: unknown, field: string): string {
  if (typeof tag !== 'string') throw new ValidationError(field, 'must be a string');
  const normalised = tag.trim().toLowerCase();
  const length = codePointLength(normalised);
  if (length < 1 || length > MAX_TAG_LENGTH) {
    throw new ValidationError(field, `must be 1 to ${MAX_TAG_LENGTH} characters after trimming`);
  }
  assertNoControlCharacters(normalised, field);
  return normalised;
}

/** At most 20 tags (counted as sent), each normalised; duplicates collapse, first occurrence wins. */
export function normaliseTags(tags: unknown): string[] {
  if (!Array.isArray(tags)) throw new ValidationError('tags', 'must be a list of strings');
  if (tags.length > MAX_TAGS) throw new ValidationError('tags', `must hold at most ${MAX_TAGS} tags`);
  const normalised = tags.map((tag: unknown, index) => normaliseTag(tag, `tags[${index}]`));
  return [...new Set(normalised)];
}

/** Optional free text: null clears it, otherwise at most `max` characters and no control characters. */
export function validateText(value: unknown, field: string, max: number): string | null {
  if (value === null) return null;
  if (typeof value !== 'string' || codePointLength(value) > max) {
    throw new ValidationError(field, `must be a string of at most ${max} characters, or null`);
  }
  assertNoControlCharacters(value, field);
  return value;
}

/**
 * Custom metadata: at most 20 keys of [a-z0-9_-]{1,64} other than `__proto__`, `constructor` and
 * `prototype`, string values of at most 256 characters.
 */
export function validateMetadata(metadata: unknown): Record<string, string> {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new ValidationError('metadata', 'must be an object of string values');
  }
  const entries = Object.entries(metadata);
  if (entries.length > MAX_METADATA_KEYS) {
    throw new ValidationError('metadata', `must hold at most ${MAX_METADATA_KEYS} keys`);
  }
  const validated: [string, string][] = [];
  for (const [key, value] of entries) {
    if (!METADATA_KEY.test(key)) {
      throw new ValidationError('metadata', `key "${key.slice(0, 64)}" must be 1 to 64 of a-z, 0-9, _ and -`);
    }
    if (RESERVED_METADATA_KEYS.has(key)) {
      throw new ValidationError(`metadata.${key}`, 'is a reserved name (__proto__, constructor, prototype)');
    }
    if (typeof value !== 'string' || codePointLength(value) > MAX_METADATA_VALUE_LENGTH) {
      throw new ValidationError(`metadata.${key}`, `must be a string of at most ${MAX_METADATA_VALUE_LENGTH} characters`);
    }
    validated.push([key, value]);
  }
  return Object.fromEntries(validated);
}

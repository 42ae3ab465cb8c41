import { ValidationError } from '../../shared/errors.js';

/**
 * The common start of every optional text field: null/undefined stay absent, a non-string is rejected,
 * and a blank string means "clear it" (returns null), so clients need not distinguish "" from null.
 * Returns the trimmed text otherwise.
 */
export function optionalText(value: unknown, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new ValidationError(field, 'must be a string or null');
  const trimmed = value.trim();
  return trimmed.length === 0 ? null : trimmed;
}

/** Checks a length in characters (code points, so an emoji counts once, as a person reads it). */
export function requireMaxLength(text: string, max: number, field: string): string {
  if ([...text].length > max) throw new ValidationError(field, `must be at most ${max} characters`);
  return text;
}

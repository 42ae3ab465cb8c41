import { ValidationError } from '../../shared/errors.js';

export const DEFAULT_TIMEZONE = 'UTC';

/**
 * An IANA timezone name, returned in the canonical form the runtime's Intl resolves it to (`utc` -> `UTC`,
 * `US/Pacific` -> `America/Los_Angeles`), so equal zones are stored equally. Offsets such as `+05:00` are
 * not IANA names (and have no DST), so they are refused even where a newer runtime would accept them.
 */
export function parseTimezone(value: unknown, field = 'timezone'): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new ValidationError(field, 'must be an IANA timezone name such as Europe/Paris');
  }
  const name = value.trim();
  if (/^[+-]/.test(name)) throw new ValidationError(field, 'must be an IANA timezone name, not an offset');
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw new ValidationError(field, `unknown timezone "${name}"`);
  }
}

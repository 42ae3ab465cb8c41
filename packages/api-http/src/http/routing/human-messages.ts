import type { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
  date: 'a date-time',
};

const FORMAT_NAMES: Readonly<Record<string, string>> = {
  url: 'a URL',
  email: 'an email address',
  uuid: 'a UUID',
  datetime: 'a date-time such as 2026-01-31T12:00:00Z',
  date: 'a date such as 2026-01-31',
  base64url: 'base64url text',
};

function bound(value: number | bigint): string {
  return typeof value === 'bigint' ? value.toString() : String(value);
}

/** "at most 100 characters", "at least 1 item", "at most 100". */
function limitText(origin: string, value: number | bigint): string {
  const count = bound(value);
  if (origin === 'string') return `${count} character${count === '1' ? '' : 's'}`;
  if (origin === 'array' || origin === 'set') return `${count} item${count === '1' ? '' : 's'}`;
  if (origin === 'file') return `${count} bytes`;
  if (origin === 'date') return new Date(Number(value)).toISOString();
  return count;
}

function valueText(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

function tooBig(issue: Extract<RawIssue, { code: 'too_big' }>): string {
  const limit = limitText(issue.origin, issue.maximum);
  const verb = issue.origin === 'array' || issue.origin === 'set' ? 'must have' : 'must be';
  if (issue.exact === true) return `${verb} exactly ${limit}`;
  if (issue.origin === 'date') return issue.inclusive === false ? `must be before ${limit}` : `must be at most ${limit}`;
  return issue.inclusive === false ? `${verb} less than ${limit}` : `${verb} at most ${limit}`;
}

function tooSmall(issue: Extract<RawIssue, { code: 'too_small' }>): string {
  if (issue.origin === 'string' && bound(issue.minimum) === '1' && issue.exact !== true) return 'must not be empty';
  const limit = limitText(issue.origin, issue.minimum);
  const verb = issue.origin === 'array' || issue.origin === 'set' ? 'must have' : 'must be';
  if (issue.exact === true) return `${verb} exactly ${limit}`;
  if (issue.origin === 'date') return issue.inclusive === false ? `must be after ${limit}` : `must be at least ${limit}`;
  return issue.inclusive === false ? `${verb} more than ${limit}` : `${verb} at least ${limit}`;
}

function invalidFormat(issue: Extract<RawIssue, { code: 'invalid_format' }>): string {
  const { format } = issue;
  if (format === 'regex') return issue.pattern === undefined ? 'has an invalid format' : `must match ${issue.pattern}`;
  if (format === 'starts_with' && typeof issue['prefix'] === 'string') return `must start with "${issue['prefix']}"`;
  if (format === 'ends_with' && typeof issue['suffix'] === 'string') return `must end with "${issue['suffix']}"`;
  if (format === 'includes' && typeof issue['includes'] === 'string') return `must contain "${issue['includes']}"`;
  return `must be ${FORMAT_NAMES[format] ?? `a valid ${format}`}`;
}

/**
 * What a client reads for a schema failure, written for people ("must be at most 100", "is required",
 * "must be an integer") instead of zod's defaults ("Invalid input: expected number, received NaN").
 * Passed to every request parse as its error map; a message a schema sets itself still wins. The
 * messages describe the expectation and never echo the input.
 */
export const humanMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'invalid_format':
      return invalidFormat(issue);
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return 'unknown field';
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0]) ?? valueText(issue.values[0])}`
        : `must be one of ${issue.values.map(valueText).join(', ')}`;
    case 'invalid_union':
      return 'matches none of the accepted forms';
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid item';
    default:
      return 'is invalid';
  }
};

import {
  parseDay,
  parseEntryType,
  parseEntryUrl,
  parseGithubUsername,
  ValidationError,
  type VerificationJob,
} from '@hdoc/domain';
import { MalformedMessageError, parseJsonBody } from '../sqs/malformed-message.error.js';

const FIELDS: ReadonlySet<string> = new Set(['githubUsername', 'day', 'entryType', 'url']);

/**
 * Parses a verification queue message strictly. The wire format is the domain's VerificationJob as
 * JSON, exactly as the API's VerificationQueue adapter enqueues it (`JSON.stringify(job)`), e.g.
 * `{"githubUsername":"octocat","day":3,"entryType":"github","url":"https://github.com/octocat/x"}`:
 * a JSON object with exactly these four fields, each checked by the domain's own field rules.
 * Anything else throws MalformedMessageError naming the field but never echoing a value. Unknown
 * fields are refused too, so a producer that grew a field is noticed (deploy the worker first)
 * instead of being half understood.
 */
export function parseVerificationJob(body: string): VerificationJob {
  const value = parseJsonBody(body);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedMessageError('verification job: must be a JSON object');
  }
  const fields = value as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => !FIELDS.has(key));
  if (unknown.length > 0) {
    throw new MalformedMessageError(`verification job: ${unknown.length} unexpected field(s)`);
  }
  try {
    return {
      githubUsername: parseGithubUsername(fields.githubUsername, 'githubUsername'),
      day: parseDay(fields.day, 'day'),
      entryType: parseEntryType(fields.entryType, 'entryType'),
      url: parseEntryUrl(fields.url, 'url'),
    };
  } catch (error) {
    if (error instanceof ValidationError) throw new MalformedMessageError(`verification job: ${error.message}`, { cause: error });
    throw error;
  }
}

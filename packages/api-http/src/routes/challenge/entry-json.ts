import { VERIFICATION_STATUSES, verificationStateOf, type Entry } from '@hdoc/domain';
import { z } from 'zod';
import { entryTypeEnum } from './challenge-inputs.js';
import { instantText } from '../../http/json/instant-text.js';

const VerificationSchema = z
  .strictObject({
    status: z.enum(VERIFICATION_STATUSES).meta({
      description: '`pending` until the verifier has answered for the current url (a new url starts over); then `verified` (confidence >= 50, the entry counts) or `rejected` (confidence < 50)',
    }),
    confidence: z.number().int().min(0).max(100),
    reason: z.string().nullable().meta({ description: "The verifier's explanation, e.g. why the entry does not count; null while pending" }),
    checked_at: z.iso.datetime().nullable().meta({ description: 'When the verifier answered; null while pending' }),
  })
  .meta({ id: 'EntryVerification' });

/** One day's proof of work; `verified`, `confidence` and `verification` move when the verification worker answers. */
export const EntrySchema = z
  .strictObject({
    github_username: z.string(),
    entry_type: entryTypeEnum,
    url: z.string(),
    day: z.number().int().min(1).max(100),
    verified: z.boolean(),
    confidence: z.number().int().min(0).max(100),
    verification: VerificationSchema,
    local_date: z.iso.date().meta({ description: 'The participant\'s calendar date at first submission' }),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'Entry' });

export type EntryJson = z.input<typeof EntrySchema>;

/** The API's view of an entry (its revision stays inside). */
export function toEntryJson(entry: Entry): EntryJson {
  return {
    github_username: entry.githubUsername,
    entry_type: entry.entryType,
    url: entry.url,
    day: entry.day,
    verified: entry.verified,
    confidence: entry.confidence,
    verification: toVerificationJson(entry),
    local_date: entry.localDate,
    created_at: instantText(entry.createdAt),
    updated_at: instantText(entry.updatedAt),
  };
}

function toVerificationJson(entry: Entry): EntryJson['verification'] {
  const state = verificationStateOf(entry);
  return {
    status: state.status,
    confidence: state.confidence,
    reason: state.reason,
    checked_at: state.checkedAt === null ? null : instantText(state.checkedAt),
  };
}

/** A verified GitHub entry, the example of every entry answer. */
export const ENTRY_EXAMPLE = {
  github_username: 'octocat',
  entry_type: 'github',
  url: 'https://github.com/octocat/hello-world/commit/7fd1a60b01f91b314f59955a4e4d4e80d8edf11d',
  day: 23,
  verified: true,
  confidence: 92,
  verification: {
    status: 'verified',
    confidence: 92,
    reason: 'A commit authored by the participant on the day it was submitted.',
    checked_at: '2024-11-30T08:15:09.812Z',
  },
  local_date: '2024-11-30',
  created_at: '2024-11-30T08:15:02.447Z',
  updated_at: '2024-11-30T08:15:09.812Z',
} satisfies EntryJson;

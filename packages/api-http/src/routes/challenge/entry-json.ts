import type { Entry } from '@hdoc/domain';
import { z } from 'zod';
import { entryTypeEnum } from './challenge-inputs.js';
import { instantText } from '../../http/json/instant-text.js';

/** One day's proof of work; `verified` and `confidence` move when the verification worker answers. */
export const EntrySchema = z
  .strictObject({
    github_username: z.string(),
    entry_type: entryTypeEnum,
    url: z.string(),
    day: z.number().int().min(1).max(100),
    verified: z.boolean(),
    confidence: z.number().int().min(0).max(100),
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
    local_date: entry.localDate,
    created_at: instantText(entry.createdAt),
    updated_at: instantText(entry.updatedAt),
  };
}

import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { resolvePageLimit, type Page } from '../../shared/page.js';
import { parseGithubUsername } from '../participant/github-username.js';
import type { ProfileRepository } from '../profile/profile-repository.port.js';
import { ENTRY_TYPES, type Entry } from './entry.js';
import type { EntryRepository } from './entry-repository.port.js';

export interface ListEntriesInput {
  githubUsername: string;
  limit?: number;
  cursor?: string | null;
}

export type ListEntriesOutput = Page<Entry>;

/** Position of an entry in list order (day, then github before twitter). */
const position = (entry: Pick<Entry, 'day' | 'entryType'>): number => entry.day * ENTRY_TYPES.length + ENTRY_TYPES.indexOf(entry.entryType);

/** Opaque to clients: `e.<position of the last entry returned>`. */
const CURSOR = /^e\.([0-9]{1,4})$/;

function decodeCursor(cursor: string | null | undefined): number {
  if (cursor === undefined || cursor === null) return -1;
  const match = CURSOR.exec(cursor);
  if (match?.[1] === undefined) throw new ValidationError('cursor', 'is not a cursor this list issued');
  return Number(match[1]);
}

/**
 * A participant's entries, public, by day then type, in cursor pages. A participant has at most 200
 * entries, read in one key-range query, so paging is a slice of that list.
 */
export class ListEntries {
  constructor(
    private readonly profiles: ProfileRepository,
    private readonly entries: EntryRepository,
  ) {}

  async execute(input: ListEntriesInput): Promise<ListEntriesOutput> {
    const githubUsername = parseGithubUsername(input.githubUsername);
    const limit = resolvePageLimit(input.limit);
    const after = decodeCursor(input.cursor);
    const profile = await this.profiles.get(githubUsername);
    if (profile === null) throw new NotFoundError('profile');
    const all = await this.entries.listByParticipant(profile.githubUsername);
    const rest = all.filter((entry) => position(entry) > after);
    const items = rest.slice(0, limit);
    const last = items.at(-1);
    return { items, nextCursor: rest.length > limit && last !== undefined ? `e.${position(last)}` : null };
  }
}

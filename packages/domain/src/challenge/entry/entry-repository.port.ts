import { token } from '../../shared/token.js';
import type { Entry, EntryKey } from './entry.js';

/**
 * Stores entries keyed (participant case-insensitively, day, type). Writes are conditional on the entry
 * `revision` so that a resubmission and a verification result racing on one entry never overwrite each other.
 */
export interface EntryRepository {
  /** The entry, or null. */
  get(key: EntryKey): Promise<Entry | null>;
  /**
   * Stores `entry` if the stored revision is `expectedRevision` (null: only if no entry has that key).
   * Otherwise throws StaleWriteError and stores nothing. The caller sets `entry.revision` to
   * `expectedRevision + 1` (1 for a new entry).
   */
  put(entry: Entry, expectedRevision: number | null): Promise<void>;
  /**
   * All entries of one participant (at most 200: 100 days x 2 types), ordered by day, then github before
   * twitter. One key-range read; never a scan of other participants.
   */
  listByParticipant(githubUsername: string): Promise<readonly Entry[]>;
  /**
   * Moves every entry of participant `fromUsername` to `toUsername` (a GitHub rename, or a released name;
   * see RegisterProfile), rewriting their `githubUsername` and keeping everything else. Each entry moves
   * atomically (a DynamoDB adapter: one transaction of put + delete per entry, so a move interrupted
   * half-way is finished by running it again); an entry already under `toUsername` in the same slot is
   * replaced. Moving a participant without entries does nothing; `toUsername` may differ only in case.
   */
  moveParticipant(fromUsername: string, toUsername: string): Promise<void>;
  /**
   * At most `limit` entries, of any participant, whose `requeueAt` is at or before `dueBy` (never one
   * whose `requeueAt` is null: entries the verifier answered), earliest first, ties by lower-cased
   * participant, day, then github before twitter. Served by an index on `requeueAt`, so its cost grows
   * with `limit`, not with the number of entries. The caller re-checks each entry it acts on.
   */
  listRequeueDue(dueBy: Date, limit: number): Promise<readonly Entry[]>;
}

export const EntryRepositoryToken = token<EntryRepository>('EntryRepository');

import { ENTRY_TYPES, githubUsernameKey, StaleWriteError, type Entry, type EntryKey, type EntryRepository } from '@hdoc/domain';
import { DueIndex } from '../../shared/due-index.js';

type Slot = Pick<EntryKey, 'day' | 'entryType'>;

/** An entry's place in its participant's map; zero-padded so slots sort like the list order. */
const slotOf = (key: Slot): string => `${String(key.day).padStart(3, '0')}#${ENTRY_TYPES.indexOf(key.entryType)}`;

/** An entry's id in the re-queue index: ties then order by participant, day, github before twitter. */
const requeueIdOf = (participant: string, slot: string): string => `${participant}\u0000${slot}`;

const listOrder = (a: Entry, b: Entry): number =>
  a.day - b.day || ENTRY_TYPES.indexOf(a.entryType) - ENTRY_TYPES.indexOf(b.entryType);

/**
 * EntryRepository as one Map of entries per participant (the memory twin of a partition per participant),
 * plus a DueIndex of entries by `requeueAt` (the twin of a sparse index on it).
 */
export class MemoryEntryRepository implements EntryRepository {
  private readonly byParticipant = new Map<string, Map<string, Entry>>();
  private readonly byRequeue = new DueIndex();

  async get(key: EntryKey): Promise<Entry | null> {
    const entry = this.byParticipant.get(githubUsernameKey(key.githubUsername))?.get(slotOf(key));
    return entry === undefined ? null : structuredClone(entry);
  }

  async put(entry: Entry, expectedRevision: number | null): Promise<void> {
    const participant = githubUsernameKey(entry.githubUsername);
    const storedRevision = this.byParticipant.get(participant)?.get(slotOf(entry))?.revision ?? null;
    if (storedRevision !== expectedRevision) {
      throw new StaleWriteError(`entry ${entry.githubUsername} day ${entry.day} ${entry.entryType}`);
    }
    this.store(participant, structuredClone(entry));
  }

  /** The stored revision of an entry (null: none), read synchronously so a caller can check and write with no await between. */
  revisionOf(key: EntryKey): number | null {
    return this.byParticipant.get(githubUsernameKey(key.githubUsername))?.get(slotOf(key))?.revision ?? null;
  }

  async moveParticipant(fromUsername: string, toUsername: string): Promise<void> {
    const fromKey = githubUsernameKey(fromUsername);
    const from = this.byParticipant.get(fromKey);
    if (from === undefined) return;
    this.byParticipant.delete(fromKey);
    for (const slot of from.keys()) this.byRequeue.delete(requeueIdOf(fromKey, slot));
    const toKey = githubUsernameKey(toUsername);
    for (const entry of from.values()) this.store(toKey, { ...entry, githubUsername: toUsername });
  }

  async listByParticipant(githubUsername: string): Promise<readonly Entry[]> {
    const entries = this.byParticipant.get(githubUsernameKey(githubUsername));
    return entries === undefined ? [] : [...entries.values()].sort(listOrder).map((entry) => structuredClone(entry));
  }

  async listRequeueDue(dueBy: Date, limit: number): Promise<readonly Entry[]> {
    return this.byRequeue.due(dueBy, limit).map((id) => {
      const [participant, slot] = id.split('\u0000') as [string, string];
      return structuredClone(this.byParticipant.get(participant)?.get(slot) as Entry);
    });
  }

  /** Stores (or replaces) an entry and keeps the re-queue index in step. */
  private store(participant: string, entry: Entry): void {
    const entries = this.byParticipant.get(participant) ?? new Map<string, Entry>();
    entries.set(slotOf(entry), entry);
    this.byParticipant.set(participant, entries);
    this.byRequeue.set(requeueIdOf(participant, slotOf(entry)), entry.requeueAt);
  }
}

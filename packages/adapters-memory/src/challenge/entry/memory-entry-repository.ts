import { ENTRY_TYPES, githubUsernameKey, StaleWriteError, type Entry, type EntryKey, type EntryRepository } from '@hdoc/domain';

const slotOf = (key: Pick<EntryKey, 'day' | 'entryType'>): string => `${key.day}#${key.entryType}`;

const listOrder = (a: Entry, b: Entry): number =>
  a.day - b.day || ENTRY_TYPES.indexOf(a.entryType) - ENTRY_TYPES.indexOf(b.entryType);

/** EntryRepository as one Map of entries per participant (the memory twin of a partition per participant). */
export class MemoryEntryRepository implements EntryRepository {
  private readonly byParticipant = new Map<string, Map<string, Entry>>();

  async get(key: EntryKey): Promise<Entry | null> {
    const entry = this.byParticipant.get(githubUsernameKey(key.githubUsername))?.get(slotOf(key));
    return entry === undefined ? null : structuredClone(entry);
  }

  async put(entry: Entry, expectedRevision: number | null): Promise<void> {
    const participant = githubUsernameKey(entry.githubUsername);
    const entries = this.byParticipant.get(participant) ?? new Map<string, Entry>();
    const storedRevision = entries.get(slotOf(entry))?.revision ?? null;
    if (storedRevision !== expectedRevision) {
      throw new StaleWriteError(`entry ${entry.githubUsername} day ${entry.day} ${entry.entryType}`);
    }
    entries.set(slotOf(entry), structuredClone(entry));
    this.byParticipant.set(participant, entries);
  }

  async moveParticipant(fromUsername: string, toUsername: string): Promise<void> {
    const from = this.byParticipant.get(githubUsernameKey(fromUsername));
    if (from === undefined) return;
    const toKey = githubUsernameKey(toUsername);
    const to = toKey === githubUsernameKey(fromUsername) ? from : (this.byParticipant.get(toKey) ?? new Map<string, Entry>());
    for (const [slot, entry] of from) to.set(slot, { ...entry, githubUsername: toUsername });
    if (to !== from) this.byParticipant.delete(githubUsernameKey(fromUsername));
    this.byParticipant.set(toKey, to);
  }

  async listByParticipant(githubUsername: string): Promise<readonly Entry[]> {
    const entries = this.byParticipant.get(githubUsernameKey(githubUsername));
    return entries === undefined ? [] : [...entries.values()].sort(listOrder).map((entry) => structuredClone(entry));
  }
}

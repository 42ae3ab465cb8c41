import { ENTRY_TYPES, StaleWriteError, type Entry, type EntryKey, type EntryRepository, type EntryType } from '@hdoc/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withSubject, type Disposable } from '../shared/contract-subject.js';
import { anEntry, freshNamespace, freshTimeBase, recase } from './challenge-fixtures.js';

export interface EntryRepositorySubject extends Disposable {
  readonly repository: EntryRepository;
}

const key = (githubUsername: string, day: number, entryType: EntryType): EntryKey => ({ githubUsername, day, entryType });

const listOrder = (a: Entry, b: Entry): number =>
  a.day - b.day || ENTRY_TYPES.indexOf(a.entryType) - ENTRY_TYPES.indexOf(b.entryType);

/** The EntryRepository port's documented behaviour, for every adapter. */
export function describeEntryRepositoryContract(
  adapterName: string,
  makeSubject: () => Promise<EntryRepositorySubject>,
): void {
  const run = (body: (s: EntryRepositorySubject) => Promise<void>) => () => withSubject(makeSubject, body);

  describe(`EntryRepository contract: ${adapterName}`, () => {
    it('returns a created entry, every field intact (verification reason and time too), with the participant in any case', run(async ({ repository }) => {
      const entry = anEntry(key('Ada', 7, 'twitter'), {
        url: 'https://x.com/ada/status/123',
        verified: true,
        confidence: 88,
        verificationReason: 'a post of the participant',
        checkedAt: new Date('2026-03-01T12:00:00.123Z'),
        localDate: '2026-02-28',
        updatedAt: new Date('2026-03-01T12:00:00.123Z'),
      });
      await repository.put(entry, null);
      expect(await repository.get(key('Ada', 7, 'twitter'))).toEqual(entry);
      expect(await repository.get(key('aDA', 7, 'twitter'))).toEqual(entry);
      expect(await repository.get(key('Ada', 7, 'github'))).toBeNull();
      expect(await repository.get(key('Ada', 8, 'twitter'))).toBeNull();
      expect(await repository.get(key('Bob', 7, 'twitter'))).toBeNull();
    }));

    it('writes only on the expected revision and keeps the stored entry otherwise', run(async ({ repository }) => {
      const first = anEntry(key('ada', 1, 'github'));
      await repository.put(first, null);
      await expect(repository.put({ ...first, url: 'https://github.com/ada/other' }, null)).rejects.toBeInstanceOf(StaleWriteError);
      const second = { ...first, url: 'https://github.com/ada/second', revision: 2 };
      await repository.put(second, 1);
      await expect(repository.put({ ...first, url: 'https://github.com/ada/lost', revision: 2 }, 1)).rejects.toBeInstanceOf(StaleWriteError);
      await expect(repository.put(anEntry(key('ada', 2, 'github'), { revision: 2 }), 1)).rejects.toBeInstanceOf(StaleWriteError);
      expect(await repository.get(key('ada', 1, 'github'))).toEqual(second);
      expect(await repository.get(key('ada', 2, 'github'))).toBeNull();
    }));

    it('lets exactly one of concurrent writes on one revision win', run(async ({ repository }) => {
      const first = anEntry(key('ada', 3, 'twitter'));
      await repository.put(first, null);
      const urls = ['a', 'b', 'c', 'd'].map((s) => `https://x.com/ada/status/${s.charCodeAt(0)}`);
      const results = await Promise.allSettled(urls.map((url) => repository.put({ ...first, url, revision: 2 }, 1)));
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [urls[i]] : []));
      expect(won).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(StaleWriteError);
      expect((await repository.get(key('ada', 3, 'twitter')))?.url).toBe(won[0]);
    }));

    it('lists one participant\'s entries (any case) by day, github before twitter, and no one else\'s', run(async ({ repository }) => {
      const mine = [key('ada', 3, 'twitter'), key('ada', 1, 'github'), key('ada', 3, 'github'), key('ada', 100, 'twitter'), key('ada', 2, 'twitter')].map((k) => anEntry(k));
      for (const entry of mine) await repository.put(entry, null);
      await repository.put(anEntry(key('adam', 1, 'github')), null);
      await repository.put(anEntry(key('ad', 5, 'github')), null);
      expect(await repository.listByParticipant('ADA')).toEqual([...mine].sort(listOrder));
      expect(await repository.listByParticipant('nobody')).toEqual([]);
    }));

    it('moves every entry of a participant to a new username, and leaves others alone', run(async ({ repository }) => {
      const ada = [key('ada', 1, 'github'), key('ada', 2, 'twitter')].map((k) => anEntry(k, { verified: true, confidence: 80 }));
      for (const entry of ada) await repository.put(entry, null);
      await repository.put(anEntry(key('adam', 1, 'github')), null);
      await repository.moveParticipant('ADA', 'Ada-L');
      expect(await repository.listByParticipant('ada')).toEqual([]);
      expect(await repository.get(key('ada', 1, 'github'))).toBeNull();
      expect(await repository.listByParticipant('ada-l')).toEqual(ada.map((entry) => ({ ...entry, githubUsername: 'Ada-L' })));
      expect(await repository.listByParticipant('adam')).toHaveLength(1);
      // The freed name starts empty; a participant without entries moves as nothing.
      await repository.moveParticipant('nobody', 'someone');
      expect(await repository.listByParticipant('someone')).toEqual([]);
      // A second run (an interrupted move finished) changes nothing.
      await repository.moveParticipant('ada', 'Ada-L');
      expect(await repository.listByParticipant('ada-l')).toHaveLength(2);
    }));

    it('re-spells the entries of a participant whose username changes only in case', run(async ({ repository }) => {
      await repository.put(anEntry(key('ada', 1, 'github')), null);
      await repository.moveParticipant('ada', 'ADA');
      expect((await repository.listByParticipant('ada')).map((entry) => entry.githubUsername)).toEqual(['ADA']);
    }));

    it('lists the entries due for re-queue by an instant, earliest first, ties by participant, day, github first, bounded', run(async ({ repository }) => {
      const base = freshTimeBase();
      const at = (minutes: number) => new Date(base + minutes * 60_000);
      const entries = [
        anEntry(key('bob', 2, 'github'), { requeueAt: at(10) }),
        anEntry(key('Ada', 3, 'twitter'), { requeueAt: at(10) }),
        anEntry(key('ada', 3, 'github'), { requeueAt: at(10) }),
        anEntry(key('ada', 12, 'github'), { requeueAt: at(10) }),
        anEntry(key('carol', 1, 'github'), { requeueAt: at(5) }),
        anEntry(key('carol', 2, 'github'), { requeueAt: at(11) }),
        anEntry(key('dave', 1, 'github'), { requeueAt: null, checkedAt: at(1), verified: true, confidence: 90 }),
      ];
      for (const entry of entries) await repository.put(entry, null);
      const slots = async (dueBy: Date, limit: number) =>
        (await repository.listRequeueDue(dueBy, limit)).map((e) => `${e.githubUsername}/${e.day}/${e.entryType}`);
      expect(await slots(at(10), 10)).toEqual(['carol/1/github', 'ada/3/github', 'Ada/3/twitter', 'ada/12/github', 'bob/2/github']);
      expect(await slots(at(10), 2)).toEqual(['carol/1/github', 'ada/3/github']);
      expect(await slots(at(4), 10)).toEqual([]);
      expect(await slots(at(600), 10)).toHaveLength(6);
      expect((await repository.listRequeueDue(at(5), 1))[0]).toEqual(entries[4]);
    }));

    it('lists an entry by the requeueAt it was last written or moved with', run(async ({ repository }) => {
      const base = freshTimeBase();
      const at = (minutes: number) => new Date(base + minutes * 60_000);
      const first = anEntry(key('ada', 1, 'github'), { requeueAt: at(1) });
      await repository.put(first, null);
      const later = { ...first, requeueAt: at(30), revision: 2 };
      await repository.put(later, 1);
      expect(await repository.listRequeueDue(at(29), 10)).toEqual([]);
      await repository.moveParticipant('ada', 'Ada-L');
      expect(await repository.listRequeueDue(at(30), 10)).toEqual([{ ...later, githubUsername: 'Ada-L' }]);
      const answered = { ...later, githubUsername: 'Ada-L', requeueAt: null, checkedAt: at(31), revision: 3 };
      await repository.put(answered, 2);
      expect(await repository.listRequeueDue(at(600), 10)).toEqual([]);
    }));

    it('behaves like a map of (participant, day, type) to revisioned entries for any sequence of writes', run(async ({ repository }) => {
      const slot = fc.record({
        name: fc.constantFrom('ada', 'bob'),
        mask: fc.nat(),
        day: fc.integer({ min: 1, max: 4 }),
        entryType: fc.constantFrom<EntryType>('github', 'twitter'),
      });
      const commands = [
        fc.tuple(slot, fc.option(fc.nat({ max: 3 }), { nil: null }), fc.string({ maxLength: 4 })).map(
          ([s, expected, path]) => new PutCommand(s, expected, path),
        ),
        slot.map((s) => new GetCommand(s)),
        fc.constantFrom('ada', 'bob').map((name) => new ListCommand(name)),
      ];
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { size: '-1' }), async (cmds) => {
          const real = { repository, prefix: freshNamespace() };
          await fc.asyncModelRun(() => ({ model: new Map(), real }), cmds);
        }),
        { numRuns: 40 },
      );
    }));
  });
}

/** The model: per `name#day#type`, the last entry stored. */
type EntryModel = Map<string, Entry>;

/** The repository under test and the username prefix that keeps this run apart from others. */
interface EntryReal {
  readonly repository: EntryRepository;
  readonly prefix: string;
}

interface Slot {
  readonly name: string;
  readonly mask: number;
  readonly day: number;
  readonly entryType: EntryType;
}

const slotKey = (s: Pick<Slot, 'name' | 'day' | 'entryType'>): string => `${s.name}#${s.day}#${s.entryType}`;
const owner = (real: EntryReal, s: Slot): string => `${real.prefix}-${recase(s.name, s.mask)}`;

class PutCommand implements fc.AsyncCommand<EntryModel, EntryReal> {
  constructor(
    private readonly slot: Slot,
    private readonly expected: number | null,
    private readonly path: string,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: EntryModel, real: EntryReal): Promise<void> {
    const participant = owner(real, this.slot);
    const entry = anEntry(key(participant, this.slot.day, this.slot.entryType), {
      url: `https://github.com/${participant}/${encodeURIComponent(this.path)}`,
      revision: (this.expected ?? 0) + 1,
    });
    const write = real.repository.put(entry, this.expected);
    if ((model.get(slotKey(this.slot))?.revision ?? null) === this.expected) {
      await write;
      model.set(slotKey(this.slot), entry);
    } else {
      await expect(write).rejects.toBeInstanceOf(StaleWriteError);
    }
  }

  toString(): string {
    return `put(${slotKey(this.slot)}, expected=${this.expected}, ${JSON.stringify(this.path)})`;
  }
}

class GetCommand implements fc.AsyncCommand<EntryModel, EntryReal> {
  constructor(private readonly slot: Slot) {}

  check(): boolean {
    return true;
  }

  async run(model: EntryModel, real: EntryReal): Promise<void> {
    const found = await real.repository.get(key(owner(real, this.slot), this.slot.day, this.slot.entryType));
    expect(found).toEqual(model.get(slotKey(this.slot)) ?? null);
  }

  toString(): string {
    return `get(${slotKey(this.slot)})`;
  }
}

class ListCommand implements fc.AsyncCommand<EntryModel, EntryReal> {
  constructor(private readonly name: string) {}

  check(): boolean {
    return true;
  }

  async run(model: EntryModel, real: EntryReal): Promise<void> {
    const expected = [...model.entries()].filter(([k]) => k.startsWith(`${this.name}#`)).map(([, e]) => e).sort(listOrder);
    expect(await real.repository.listByParticipant(`${real.prefix}-${this.name.toUpperCase()}`)).toEqual(expected);
  }

  toString(): string {
    return `list(${this.name})`;
  }
}

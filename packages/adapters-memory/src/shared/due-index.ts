import { BTree } from './sorted-btree.js';

/** (instant in ms, id): ordered by instant, then id. */
type DueKey = readonly [number, string];

const compareDueKeys = (a: DueKey, b: DueKey): number => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

/**
 * Ids ordered by the instant each becomes due (the memory twin of a sparse DynamoDB index on that
 * instant): `due` seeks to the start and walks at most `limit` keys, so it never scans what is not due.
 * An id without an instant (null) is not indexed.
 */
export class DueIndex {
  private readonly tree = new BTree<DueKey, true>(undefined, compareDueKeys);
  private readonly instantOf = new Map<string, number>();

  /** Indexes `id` at `instant`, replacing where it was; null takes it out. */
  set(id: string, instant: Date | null): void {
    this.delete(id);
    if (instant === null) return;
    this.tree.set([instant.getTime(), id], true);
    this.instantOf.set(id, instant.getTime());
  }

  delete(id: string): void {
    const previous = this.instantOf.get(id);
    if (previous === undefined) return;
    this.tree.delete([previous, id]);
    this.instantOf.delete(id);
  }

  /** Up to `limit` ids due at or before `dueBy`, earliest first, ties by id. */
  due(dueBy: Date, limit: number): string[] {
    const ids: string[] = [];
    for (const [instant, id] of this.tree.keys()) {
      if (instant > dueBy.getTime() || ids.length >= limit) break;
      ids.push(id);
    }
    return ids;
  }
}

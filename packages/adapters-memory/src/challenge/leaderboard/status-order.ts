import { BTree } from '../../shared/sorted-btree.js';
import { OccupancyBitset } from './occupancy-bitset.js';
import { ordinalOf, positionOf, slotOf } from './order-position.js';

/** 4096 cells (16 KiB) per chunk: only the score ranges someone holds are ever allocated. */
const CHUNK_BITS = 12;
const CHUNK_MASK = (1 << CHUNK_BITS) - 1;
/** Keys per node of a tie tree. */
const TIE_TREE_NODE_SIZE = 32;

/**
 * The participants of one status, bucketed by ordinal (see order-position.ts). Each ordinal has one
 * cell, kept in lazily allocated Int32Array chunks: 0 = nobody, a positive number = the slot of the one
 * participant there, a negative number = -1 - the id of a tie tree (a B+ tree of slots ordered by
 * key) for an ordinal several participants share. A bitset of occupied ordinals finds the next or
 * previous non-empty cell, so an update touches one cell and a few bitmap words, and even a tie of
 * everyone (launch day, all at zero) stays O(log n).
 */
export class StatusOrder {
  private readonly chunks: (Int32Array | undefined)[];
  private readonly occupied: OccupancyBitset;
  private readonly tieTrees: (BTree<number, undefined> | undefined)[] = [];
  private readonly freeTieTreeIds: number[] = [];

  constructor(
    ordinals: number,
    private readonly byKey: (slotA: number, slotB: number) => number,
  ) {
    this.chunks = new Array<Int32Array | undefined>(Math.ceil(ordinals / (CHUNK_MASK + 1))).fill(undefined);
    this.occupied = new OccupancyBitset(ordinals);
  }

  add(ordinal: number, slot: number): void {
    const chunk = this.chunk(ordinal);
    const cell = chunk[ordinal & CHUNK_MASK]!;
    if (cell === 0) {
      chunk[ordinal & CHUNK_MASK] = slot;
      this.occupied.add(ordinal);
    } else if (cell > 0) {
      const ties = new BTree<number, undefined>(undefined, this.byKey, TIE_TREE_NODE_SIZE);
      ties.set(cell, undefined);
      ties.set(slot, undefined);
      chunk[ordinal & CHUNK_MASK] = -1 - this.storeTieTree(ties);
    } else {
      this.tieTree(cell).set(slot, undefined);
    }
  }

  delete(ordinal: number, slot: number): void {
    const chunk = this.chunk(ordinal);
    const cell = chunk[ordinal & CHUNK_MASK]!;
    if (cell === slot) {
      chunk[ordinal & CHUNK_MASK] = 0;
      this.occupied.delete(ordinal);
    } else if (cell < 0) {
      const ties = this.tieTree(cell);
      ties.delete(slot);
      if (ties.size === 1) {
        chunk[ordinal & CHUNK_MASK] = ties.minKey()!;
        this.tieTrees[-1 - cell] = undefined;
        this.freeTieTreeIds.push(-1 - cell);
      }
    }
  }

  /**
   * Up to `count` positions strictly after `position` (from the top when undefined) and at most at
   * ordinal `lastOrdinal`, in order. Collected into an array rather than yielded: a page reads every
   * one of them, and a generator step costs more than the rest of the walk.
   */
  after(position: number | undefined, count: number, lastOrdinal = Number.POSITIVE_INFINITY): number[] {
    const found: number[] = [];
    let from = 0;
    if (position !== undefined) {
      const ordinal = ordinalOf(position);
      const at = slotOf(position);
      const cell = this.cellAt(ordinal);
      if (cell > 0 && this.byKey(cell, at) > 0) found.push(positionOf(ordinal, cell));
      if (cell < 0) {
        for (const slot of this.tieTree(cell).keys(at)) {
          if (found.length === count) return found;
          if (this.byKey(slot, at) > 0) found.push(positionOf(ordinal, slot));
        }
      }
      from = ordinal + 1;
    }
    for (
      let ordinal = this.occupied.next(from);
      ordinal >= 0 && ordinal <= lastOrdinal && found.length < count;
      ordinal = this.occupied.next(ordinal + 1)
    ) {
      const cell = this.cellAt(ordinal);
      if (cell > 0) {
        found.push(positionOf(ordinal, cell));
        continue;
      }
      for (const slot of this.tieTree(cell).keys()) {
        if (found.length === count) return found;
        found.push(positionOf(ordinal, slot));
      }
    }
    return found;
  }

  /** Up to `count` positions strictly before `position`, nearest first. */
  before(position: number, count: number): number[] {
    const found: number[] = [];
    const ordinal = ordinalOf(position);
    const at = slotOf(position);
    const cell = this.cellAt(ordinal);
    if (cell > 0 && this.byKey(cell, at) < 0) found.push(positionOf(ordinal, cell));
    if (cell < 0) {
      for (const [slot] of this.tieTree(cell).entriesReversed(at, undefined, true)) {
        if (found.length === count) return found;
        found.push(positionOf(ordinal, slot));
      }
    }
    for (let previous = this.occupied.previous(ordinal - 1); previous >= 0 && found.length < count; previous = this.occupied.previous(previous - 1)) {
      const previousCell = this.cellAt(previous);
      if (previousCell > 0) {
        found.push(positionOf(previous, previousCell));
        continue;
      }
      for (const [slot] of this.tieTree(previousCell).entriesReversed()) {
        if (found.length === count) return found;
        found.push(positionOf(previous, slot));
      }
    }
    return found;
  }

  private cellAt(ordinal: number): number {
    return this.chunks[ordinal >>> CHUNK_BITS]?.[ordinal & CHUNK_MASK] ?? 0;
  }

  private chunk(ordinal: number): Int32Array {
    let chunk = this.chunks[ordinal >>> CHUNK_BITS];
    if (chunk === undefined) {
      chunk = new Int32Array(CHUNK_MASK + 1);
      this.chunks[ordinal >>> CHUNK_BITS] = chunk;
    }
    return chunk;
  }

  private tieTree(cell: number): BTree<number, undefined> {
    const ties = this.tieTrees[-1 - cell];
    if (ties === undefined) throw new Error(`leaderboard index corrupt: no tie tree ${-1 - cell}`);
    return ties;
  }

  private storeTieTree(ties: BTree<number, undefined>): number {
    const index = this.freeTieTreeIds.pop() ?? this.tieTrees.length;
    this.tieTrees[index] = ties;
    return index;
  }
}

import { BTree } from '../../shared/sorted-btree.js';
import { OccupancyBitset } from './occupancy-bitset.js';
import { ordinalOf, positionOf, slotOf } from './order-position.js';


const CHUNK_BITS = 12;
const CHUNK_MASK = (1 << CHUNK_BITS) - 1;
const CROWD_NODE_SIZE = 32;

/**
 * The participants of one status, bucketed by ordinal (see OrderIndex). Bucket entries live in lazily
 * allocated Int32Array chunks: 0 = empty, a positive number = the one slot there, a negative number =
 * a crowd (a B+ tree of slots by key) for the ordinals several participants share. A bitset finds the
 * next occupied ordinal, so an update touches one chunk word and a few bitmap words, and even a
 * crowd of everyone (the first day, all at zero) stays O(log n).
 */
export class StatusOrder {
  private readonly chunks: (Int32Array | undefined)[];
  private readonly occupied: OccupancyBitset;
  private readonly crowds: (BTree<number, undefined> | undefined)[] = [];
  private readonly freeCrowds: number[] = [];

  constructor(
    ordinals: number,
    private readonly byKey: (slotA: number, slotB: number) => number,
  ) {
    this.chunks = new Array<Int32Array | undefined>(Math.ceil(ordinals / (CHUNK_MASK + 1))).fill(undefined);
    this.occupied = new OccupancyBitset(ordinals);
  }

  add(ordinal: number, slot: number): void {
    const chunk = this.chunk(ordinal);
    const entry = chunk[ordinal & CHUNK_MASK]!;
    if (entry === 0) {
      chunk[ordinal & CHUNK_MASK] = slot;
      this.occupied.add(ordinal);
    } else if (entry > 0) {
      const crowd = new BTree<number, undefined>(undefined, this.byKey, CROWD_NODE_SIZE);
      crowd.set(entry, undefined);
      crowd.set(slot, undefined);
      chunk[ordinal & CHUNK_MASK] = -1 - this.keepCrowd(crowd);
    } else {
      this.crowd(entry).set(slot, undefined);
    }
  }

  delete(ordinal: number, slot: number): void {
    const chunk = this.chunk(ordinal);
    const entry = chunk[ordinal & CHUNK_MASK]!;
    if (entry === slot) {
      chunk[ordinal & CHUNK_MASK] = 0;
      this.occupied.delete(ordinal);
    } else if (entry < 0) {
      const crowd = this.crowd(entry);
      crowd.delete(slot);
      if (crowd.size === 1) {
        chunk[ordinal & CHUNK_MASK] = crowd.minKey()!;
        this.crowds[-1 - entry] = undefined;
        this.freeCrowds.push(-1 - entry);
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
      const entry = this.entry(ordinal);
      if (entry > 0 && this.byKey(entry, at) > 0) found.push(positionOf(ordinal, entry));
      if (entry < 0) {
        for (const slot of this.crowd(entry).keys(at)) {
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
      const entry = this.entry(ordinal);
      if (entry > 0) {
        found.push(positionOf(ordinal, entry));
        continue;
      }
      for (const slot of this.crowd(entry).keys()) {
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
    const entry = this.entry(ordinal);
    if (entry > 0 && this.byKey(entry, at) < 0) found.push(positionOf(ordinal, entry));
    if (entry < 0) {
      for (const [slot] of this.crowd(entry).entriesReversed(at, undefined, true)) {
        if (found.length === count) return found;
        found.push(positionOf(ordinal, slot));
      }
    }
    for (let previous = this.occupied.previous(ordinal - 1); previous >= 0 && found.length < count; previous = this.occupied.previous(previous - 1)) {
      const here = this.entry(previous);
      if (here > 0) {
        found.push(positionOf(previous, here));
        continue;
      }
      for (const [slot] of this.crowd(here).entriesReversed()) {
        if (found.length === count) return found;
        found.push(positionOf(previous, slot));
      }
    }
    return found;
  }

  private entry(ordinal: number): number {
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

  private crowd(entry: number): BTree<number, undefined> {
    const crowd = this.crowds[-1 - entry];
    if (crowd === undefined) throw new Error(`leaderboard index corrupt: no crowd ${-1 - entry}`);
    return crowd;
  }

  private keepCrowd(crowd: BTree<number, undefined>): number {
    const index = this.freeCrowds.pop() ?? this.crowds.length;
    this.crowds[index] = crowd;
    return index;
  }
}

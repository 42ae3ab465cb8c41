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

  /** Positions strictly after `position` (from the top when undefined), in order. */
  *after(position: number | undefined): Generator<number> {
    let from = 0;
    if (position !== undefined) {
      const ordinal = ordinalOf(position);
      const at = slotOf(position);
      const entry = this.entry(ordinal);
      if (entry > 0 && this.byKey(entry, at) > 0) yield positionOf(ordinal, entry);
      if (entry < 0) {
        for (const slot of this.crowd(entry).keys(at)) {
          if (this.byKey(slot, at) > 0) yield positionOf(ordinal, slot);
        }
      }
      from = ordinal + 1;
    }
    for (let ordinal = this.occupied.next(from); ordinal >= 0; ordinal = this.occupied.next(ordinal + 1)) {
      const entry = this.entry(ordinal);
      if (entry > 0) yield positionOf(ordinal, entry);
      else for (const slot of this.crowd(entry).keys()) yield positionOf(ordinal, slot);
    }
  }

  /** Positions strictly before `position`, nearest first. */
  *before(position: number): Generator<number> {
    const ordinal = ordinalOf(position);
    const at = slotOf(position);
    const entry = this.entry(ordinal);
    if (entry > 0 && this.byKey(entry, at) < 0) yield positionOf(ordinal, entry);
    if (entry < 0) {
      for (const [slot] of this.crowd(entry).entriesReversed(at, undefined, true)) yield positionOf(ordinal, slot);
    }
    for (let previous = this.occupied.previous(ordinal - 1); previous >= 0; previous = this.occupied.previous(previous - 1)) {
      const found = this.entry(previous);
      if (found > 0) yield positionOf(previous, found);
      else for (const [slot] of this.crowd(found).entriesReversed()) yield positionOf(previous, slot);
    }
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

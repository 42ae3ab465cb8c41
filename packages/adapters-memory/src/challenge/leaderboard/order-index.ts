import { PROFILE_STATUSES } from '@hdoc/domain';
import type { ProfileStatus } from '@hdoc/domain';
import { StandingRecords } from './standing-records.js';
import { ORDINALS, ordinalOf, ordinalOfScores, positionOf, slotOf } from './order-position.js';
import { StatusOrder } from './status-order.js';

/**
 * Participants (by slot) in leaderboard order: total desc, days desc, key asc. One {@link StatusOrder}
 * per status, so a filtered page reads only its status and an update touches one; the full order
 * is the merge of the three. Add, delete and seek cost a few bitmap words and one bucket, whatever
 * the number of participants; reading k rows after a seek is O(k).
 */
export class OrderIndex {
  private readonly byStatus: ReadonlyMap<ProfileStatus, StatusOrder>;
  private readonly everyStatus: readonly StatusOrder[];

  constructor(private readonly records: StandingRecords) {
    this.byStatus = new Map(PROFILE_STATUSES.map((status) => [status, new StatusOrder(ORDINALS, this.byKey)]));
    this.everyStatus = [...this.byStatus.values()];
  }

  /** Orders two slots by their participants' keys: the tie-break within one ordinal. */
  private readonly byKey = (slotA: number, slotB: number): number => {
    const keyA = this.records.key(slotA);
    const keyB = this.records.key(slotB);
    return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
  };

  /** The position of a slot from its current record; take it before the record changes. */
  positionOf(slot: number): number {
    return positionOf(ordinalOfScores(this.records.total(slot), this.records.daysCompleted(slot)), slot);
  }

  /**
   * The position a participant at (total, days, key) would have, for seeking to a page cursor: the
   * keyset is written into the search slot, so its key compares like anyone's. Valid until the next call.
   */
  positionOfKeyset(total: number, daysCompleted: number, key: string): number {
    this.records.writeSearchKeyset(total, daysCompleted, key);
    return this.positionOf(StandingRecords.SEARCH_SLOT);
  }

  add(position: number, status: ProfileStatus): void {
    this.statusOrder(status).add(ordinalOf(position), slotOf(position));
  }

  delete(position: number, status: ProfileStatus): void {
    this.statusOrder(status).delete(ordinalOf(position), slotOf(position));
  }

  /** Up to `count` slots strictly after `position` (from the top when undefined), optionally one status. */
  slotsAfter(position: number | undefined, count: number, status?: ProfileStatus): number[] {
    if (count === 0) return [];
    if (status !== undefined) return this.statusOrder(status).after(position, count).map(slotOf);
    // Once one status yields `count` positions, no status needs to look past that last one's ordinal.
    let lastOrdinal = Number.POSITIVE_INFINITY;
    const lists: number[][] = [];
    for (const order of this.everyStatus) {
      const list = order.after(position, count, lastOrdinal);
      if (list.length === count) lastOrdinal = Math.min(lastOrdinal, ordinalOf(list[count - 1]!));
      lists.push(list);
    }
    return this.merge(lists, count, 1);
  }

  /** Up to `count` slots strictly before `position` in the full order, nearest first. */
  slotsBefore(position: number, count: number): number[] {
    if (count === 0) return [];
    return this.merge(
      this.everyStatus.map((order) => order.before(position, count)),
      count,
      -1,
    );
  }

  /**
   * k-way merge of position lists sorted in `direction`, into slots. Reads stay within bounds: a read
   * past the end would make every position a boxed number instead of a raw double.
   */
  private merge(lists: readonly number[][], count: number, direction: 1 | -1): number[] {
    const next = new Array<number>(lists.length).fill(0);
    const slots: number[] = [];
    while (slots.length < count) {
      let best = -1;
      let bestPosition = 0;
      for (let i = 0; i < lists.length; i++) {
        const list = lists[i]!;
        if (next[i]! >= list.length) continue;
        const position = list[next[i]!]!;
        if (best < 0 || direction * this.compare(position, bestPosition) < 0) {
          best = i;
          bestPosition = position;
        }
      }
      if (best < 0) break;
      slots.push(slotOf(bestPosition));
      next[best]!++;
    }
    return slots;
  }

  private statusOrder(status: ProfileStatus): StatusOrder {
    const order = this.byStatus.get(status);
    if (order === undefined) throw new RangeError(`unknown status ${String(status)}`);
    return order;
  }

  private compare(a: number, b: number): number {
    const ordinalA = ordinalOf(a);
    const ordinalB = ordinalOf(b);
    return ordinalA !== ordinalB ? ordinalA - ordinalB : this.byKey(slotOf(a), slotOf(b));
  }
}

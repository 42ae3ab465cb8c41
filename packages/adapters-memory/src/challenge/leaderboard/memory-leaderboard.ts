import { decodeLeaderboardCursor, encodeLeaderboardCursor, leaderboardKey } from '@hdoc/domain';
import type {
  Leaderboard,
  LeaderboardPageQuery,
  LeaderboardPosition,
  LeaderboardRow,
  LeaderboardStanding,
  Page,
} from '@hdoc/domain';
import { OrderIndex } from './order-index.js';
import { StandingRecords } from './standing-records.js';
import { TotalScoreCounts } from './total-score-counts.js';

/**
 * The Leaderboard in process memory, built to hold a million participants in about 220 bytes each:
 * standings as fixed-size records, one ordinal-bucketed index per status merged for the full order,
 * and a Fenwick tree of totals for competition ranks. Upsert, remove, rank and seeking a page are
 * O(log n);
 * nothing ever sorts or scans the participants. Single-threaded JavaScript makes each call atomic.
 * The package README walks through the structure.
 */
export class MemoryLeaderboard implements Leaderboard {
  private readonly records = new StandingRecords();
  /** Each participant's slot, by lowercase username. */
  private readonly slotByKey = new Map<string, number>();
  private readonly order = new OrderIndex(this.records);
  private readonly totals = new TotalScoreCounts();

  async upsert(standing: LeaderboardStanding): Promise<void> {
    StandingRecords.validate(standing);
    const key = leaderboardKey(standing.githubUsername);
    let slot = this.slotByKey.get(key);
    if (slot === undefined) {
      slot = this.records.allocate();
      this.slotByKey.set(key, slot);
    } else {
      if (this.records.version(slot) > standing.version) return;
      this.unindex(slot);
    }
    this.records.write(slot, standing);
    this.index(slot);
  }

  async remove(githubUsername: string): Promise<void> {
    const key = leaderboardKey(githubUsername);
    const slot = this.slotByKey.get(key);
    if (slot === undefined) return;
    this.unindex(slot);
    this.slotByKey.delete(key);
    this.records.release(slot);
  }

  async page(query: LeaderboardPageQuery): Promise<Page<LeaderboardRow>> {
    let after: number | undefined;
    if (query.cursor !== undefined && query.cursor !== null) {
      const keyset = decodeLeaderboardCursor(query.cursor);
      after = this.order.positionOfKeyset(keyset.totalScore, keyset.daysCompleted, keyset.key);
    }
    const slots = this.order.slotsAfter(after, query.limit + 1, query.status);
    const hasMore = slots.length > query.limit;
    if (hasMore) slots.length = query.limit;
    // Unfiltered, the page is a run of consecutive participants of the full order.
    const items = query.status === undefined ? this.consecutiveRows(slots) : slots.map((slot) => this.row(slot));
    const last = items.at(-1);
    const nextCursor =
      hasMore && last !== undefined
        ? encodeLeaderboardCursor({
            totalScore: last.totalScore,
            daysCompleted: last.daysCompleted,
            key: leaderboardKey(last.githubUsername),
          })
        : null;
    return { items, nextCursor };
  }

  async position(githubUsername: string, neighbours: number): Promise<LeaderboardPosition | null> {
    const slot = this.slotByKey.get(leaderboardKey(githubUsername));
    if (slot === undefined) return null;
    const position = this.order.positionOf(slot);
    return {
      row: this.row(slot),
      above: this.order
        .slotsBefore(position, neighbours)
        .reverse()
        .map((above) => this.row(above)),
      below: this.order.slotsAfter(position, neighbours).map((below) => this.row(below)),
    };
  }

  /**
   * The rows of consecutive participants of the full order, ranked with two rank lookups at most
   * rather than one per row: a row that does not tie the row above it is ranked 1 + everyone above
   * it, and once a second lookup tells how many stand above the first row, that count follows from
   * the row's place in the run. (Each lookup walks a Fenwick tree that the rest of a request has
   * mostly pushed out of the CPU caches.)
   */
  private consecutiveRows(slots: readonly number[]): LeaderboardRow[] {
    const rows: LeaderboardRow[] = [];
    let aboveFirst = -1;
    let rank = 0;
    let previousTotal = -1;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      const total = this.records.total(slot);
      if (total !== previousTotal) {
        if (aboveFirst >= 0) {
          rank = aboveFirst + i + 1;
        } else {
          rank = 1 + this.totals.countAbove(total);
          if (i > 0) aboveFirst = rank - 1 - i;
        }
        previousTotal = total;
      }
      rows.push(this.records.row(slot, rank));
    }
    return rows;
  }

  private row(slot: number): LeaderboardRow {
    return this.records.row(slot, 1 + this.totals.countAbove(this.records.total(slot)));
  }

  private index(slot: number): void {
    this.order.add(this.order.positionOf(slot), this.records.status(slot));
    this.totals.add(this.records.total(slot), 1);
  }

  /** Takes a slot out of the indexes while its record still holds the values it was indexed by. */
  private unindex(slot: number): void {
    this.order.delete(this.order.positionOf(slot), this.records.status(slot));
    this.totals.add(this.records.total(slot), -1);
  }
}

import { MAX_TOTAL_SCORE } from '@hdoc/domain';

/**
 * How many participants hold each total score, as a Fenwick tree: competition rank is
 * 1 + (participants with a strictly higher total), answered in O(log MAX_TOTAL_SCORE) whatever the
 * number of participants. Totals are bounded by the challenge (20,000), so the tree is 80 KB.
 */
export class TotalScoreCounts {
  private readonly tree = new Int32Array(MAX_TOTAL_SCORE + 2);
  private participants = 0;

  add(total: number, delta: 1 | -1): void {
    this.participants += delta;
    for (let i = total + 1; i < this.tree.length; i += i & -i) this.tree[i]! += delta;
  }

  /** Participants whose total is strictly higher than `total`. */
  countAbove(total: number): number {
    let atOrBelow = 0;
    for (let i = total + 1; i > 0; i -= i & -i) atOrBelow += this.tree[i]!;
    return this.participants - atOrBelow;
  }
}

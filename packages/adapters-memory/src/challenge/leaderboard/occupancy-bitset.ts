/**
 * Which of `size` integers are present, as a hierarchy of bitmaps (bit i of level k+1 says word i of
 * level k is non-zero). Add, delete and finding the next or previous present integer touch one word
 * per level: O(log32 size), about five words for two million.
 */
export class OccupancyBitset {
  private readonly levels: Uint32Array[] = [];

  constructor(size: number) {
    let bits = size;
    do {
      const words = Math.ceil(bits / 32);
      this.levels.push(new Uint32Array(words));
      bits = words;
    } while (bits > 1);
  }

  add(value: number): void {
    let index = value;
    for (const level of this.levels) {
      const word = index >>> 5;
      const wasEmpty = level[word] === 0;
      level[word]! |= 1 << (index & 31);
      if (!wasEmpty) return;
      index = word;
    }
  }

  delete(value: number): void {
    let index = value;
    for (const level of this.levels) {
      const word = index >>> 5;
      level[word]! &= ~(1 << (index & 31));
      if (level[word] !== 0) return;
      index = word;
    }
  }

  /** The smallest present integer >= `from`, or -1. */
  next(from: number, depth = 0): number {
    const level = this.levels[depth];
    if (level === undefined) return -1;
    const word = from >>> 5;
    if (word >= level.length) return -1;
    const bits = level[word]! & (0xffff_ffff << (from & 31));
    if (bits !== 0) return (word << 5) | (31 - Math.clz32(bits & -bits));
    const nextWord = this.next(word + 1, depth + 1);
    if (nextWord < 0) return -1;
    const found = level[nextWord]!;
    return (nextWord << 5) | (31 - Math.clz32(found & -found));
  }

  /** The largest present integer <= `from`, or -1. */
  previous(from: number, depth = 0): number {
    const level = this.levels[depth];
    if (level === undefined || from < 0) return -1;
    const word = from >>> 5;
    const bits = level[word]! & (0xffff_ffff >>> (31 - (from & 31)));
    if (bits !== 0) return (word << 5) | (31 - Math.clz32(bits));
    const previousWord = this.previous(word - 1, depth + 1);
    if (previousWord < 0) return -1;
    return (previousWord << 5) | (31 - Math.clz32(level[previousWord]!));
  }
}

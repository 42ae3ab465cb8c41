/**
 * What every benchmark shares: robust central figures and reproducible synthetic data. Benchmarks import
 * it by relative path; it is tooling, not part of any package.
 */

/** The median (mean of the two middle values for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A 32-bit integer hash, so synthetic item i is a pure function of i and runs are reproducible. */
export function mix(value: number, salt: number): number {
  let h = Math.imul(value ^ Math.imul(salt, 0x9e3779b1), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

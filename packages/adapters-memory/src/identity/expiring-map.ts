import type { Clock } from '@hdoc/domain';

interface Entry<V> {
  readonly value: V;
  readonly expiresAt: number;
}

/** Expired entries are swept at most this often, so a long local run does not grow without bound. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * A map whose entries vanish once the Clock reaches their expiry: the memory stand-in for Redis
 * TTLs, driven by the Clock so tests move time instead of sleeping. `onEvict` hears of every entry
 * that leaves by expiry or deletion, so owners can keep secondary indexes in step.
 */
export class ExpiringMap<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private nextSweep: number;

  constructor(
    private readonly clock: Clock,
    private readonly onEvict: (key: K, value: V) => void = () => undefined,
  ) {
    this.nextSweep = clock.now().getTime() + SWEEP_INTERVAL_MS;
  }

  /** The live value, or undefined (an expired entry is evicted on the way). */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.clock.now().getTime()) {
      this.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** The live value, removed (single use), or undefined. */
  take(key: K): V | undefined {
    const value = this.get(key);
    if (value !== undefined) this.delete(key);
    return value;
  }

  /** Stores the value until `expiresAt` (epoch milliseconds). */
  set(key: K, value: V, expiresAt: number): void {
    this.sweepIfDue();
    this.entries.set(key, { value, expiresAt });
  }

  /** Removes the entry; true when there was one (live or not). */
  delete(key: K): boolean {
    const entry = this.entries.get(key);
    if (entry === undefined) return false;
    this.entries.delete(key);
    this.onEvict(key, entry.value);
    return true;
  }

  private sweepIfDue(): void {
    const now = this.clock.now().getTime();
    if (now < this.nextSweep) return;
    this.nextSweep = now + SWEEP_INTERVAL_MS;
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.delete(key);
  }
}

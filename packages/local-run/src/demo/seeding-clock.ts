import type { Clock } from '@hdoc/domain';

/**
 * The demo run's clock: the system clock, except while the seeder has set it to an instant of the
 * past, so the entries it submits through the use cases get past dates (and streaks) exactly as if
 * their participants had submitted them on those days. Handed back to real time before the server
 * listens; nothing but the seeder ever sets it.
 */
export class SeedingClock implements Clock {
  #setTo: number | null = null;

  now(): Date {
    return new Date(this.#setTo ?? Date.now());
  }

  /** Stands still at `instant` until the next `setTo` or `release`. */
  setTo(instant: Date): void {
    this.#setTo = instant.getTime();
  }

  /** Follows the system clock again. */
  release(): void {
    this.#setTo = null;
  }
}

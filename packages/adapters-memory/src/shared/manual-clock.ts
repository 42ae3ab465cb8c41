import type { Clock } from '@hdoc/domain';

/** A clock that stands still until told to move: deterministic time for tests. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string | number = '2026-01-01T00:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves time forward by `ms` milliseconds (negative moves it back). */
  advance(ms: number): void {
    this.current += ms;
  }

  set(instant: Date | string | number): void {
    this.current = new Date(instant).getTime();
  }
}

import type { Clock } from '@hdoc/domain';

/** The machine's clock, for the local run and production. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

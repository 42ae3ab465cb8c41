import { token } from './token.js';

/** The only source of the current time in the domain, so tests control it. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

export const ClockToken = token<Clock>('Clock');

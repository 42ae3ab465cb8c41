import { MAX_DAYS_COMPLETED, MAX_TOTAL_SCORE } from '@hdoc/domain';

/*
 * Totals and days are bounded by the challenge, so (total desc, days desc) maps onto a dense ordinal
 * 0..~2M. A position in the order is one number: ordinal * 2^32 + slot (exact in a double); the slot
 * breaks ties by its participant's key.
 */
const SLOT_SPAN = 2 ** 32;
const DAY_SPAN = MAX_DAYS_COMPLETED + 1;
/** How many (total, days) combinations there are. */
export const ORDINALS = (MAX_TOTAL_SCORE + 1) * DAY_SPAN;

/** A position's ordinal. */
export function ordinalOf(position: number): number {
  return Math.floor(position / SLOT_SPAN);
}

/** A position's slot. */
export function slotOf(position: number): number {
  return position % SLOT_SPAN;
}

/** The position of `slot` at `ordinal`. */
export function positionOf(ordinal: number, slot: number): number {
  return ordinal * SLOT_SPAN + slot;
}

/** The ordinal of (total, days): 0 for the best possible standing, rising down the board. */
export function ordinalOfScores(total: number, daysCompleted: number): number {
  return (MAX_TOTAL_SCORE - total) * DAY_SPAN + (MAX_DAYS_COMPLETED - daysCompleted);
}

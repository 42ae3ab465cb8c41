import fc from 'fast-check';
import { DateTime } from 'luxon';

/**
 * Zones chosen for their traps: DST in both hemispheres, a 30-minute DST (Lord Howe), DST switching AT
 * midnight so local midnight does not exist (Santiago), quarter-hour offsets (Kathmandu), both ends of
 * the date line (Kiritimati +14, Pago Pago -11).
 */
const ZONES = [
  'UTC',
  'Europe/Paris',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
] as const;

/** Days on which one of the zones changes its clocks (2026). */
const DST_DAYS = [
  '2026-03-08', // New York, Los Angeles
  '2026-03-29', // Paris, London
  '2026-04-05', // Santiago (back, at midnight), Lord Howe
  '2026-09-06', // Santiago (forward: 00:00 does not exist)
  '2026-10-04', // Lord Howe
  '2026-10-25', // Paris, London
  '2026-11-01', // New York, Los Angeles
] as const;

export const zone = fc.constantFrom(...ZONES);

/** A calendar day of 2026, often one with a clock change. */
export const isoDay = fc.oneof(
  fc.integer({ min: 0, max: 364 }).map((n) => DateTime.fromISO('2026-01-01', { zone: 'UTC' }).plus({ days: n }).toISODate() as string),
  fc.constantFrom(...DST_DAYS),
);

/** The instant `minutes` after the start of `day` on a wall clock in `zoneName` (luxon: the independent oracle). */
export function nearLocalMidnight(day: string, zoneName: string, minutes: number): Date {
  return DateTime.fromISO(day, { zone: zoneName }).startOf('day').plus({ minutes }).toJSDate();
}

/** Instants anywhere, or within three hours of some zone's local midnight. */
export const instant = fc.oneof(
  fc.date({ min: new Date('2025-06-01T00:00:00Z'), max: new Date('2027-06-01T00:00:00Z'), noInvalidDate: true }),
  fc.tuple(isoDay, zone, fc.integer({ min: -180, max: 180 })).map(([day, z, minutes]) => nearLocalMidnight(day, z, minutes)),
);

/** The oracle's local date of an instant. */
export function luxonLocalDate(at: Date, zoneName: string): string {
  return DateTime.fromJSDate(at, { zone: zoneName }).toISODate() as string;
}

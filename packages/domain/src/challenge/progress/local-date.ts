/** A calendar date `YYYY-MM-DD` (in some timezone). Compares correctly as a string. */
export type LocalDate = string;

const MS_PER_DAY = 86_400_000;
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const timeFormatters = new Map<string, Intl.DateTimeFormat>();
const DATE_FIELDS = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
const TIME_FIELDS = { ...DATE_FIELDS, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' } as const;

/** Building a DateTimeFormat is costly (ICU zone data); one per zone and field set is reused. */
function formatterFor(cache: Map<string, Intl.DateTimeFormat>, timezone: string, fields: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let formatter = cache.get(timezone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: timezone, calendar: 'gregory', numberingSystem: 'latn', ...fields });
    cache.set(timezone, formatter);
  }
  return formatter;
}

function partsOf(formatter: Intl.DateTimeFormat, instant: Date): (type: Intl.DateTimeFormatPartTypes) => string {
  const parts = formatter.formatToParts(instant);
  return (type) => parts.find((p) => p.type === type)?.value ?? '';
}

/** The calendar date of `instant` on a wall clock in `timezone` (an IANA name Intl accepts). */
export function localDateOf(instant: Date, timezone: string): LocalDate {
  const part = partsOf(formatterFor(dateFormatters, timezone, DATE_FIELDS), instant);
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** How far the wall clock in `timezone` is ahead of UTC at `instant`, in ms (whole seconds). */
function utcOffsetAt(instant: number, timezone: string): number {
  const part = partsOf(formatterFor(timeFormatters, timezone, TIME_FIELDS), new Date(instant));
  const n = (type: Intl.DateTimeFormatPartTypes): number => Number(part(type));
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** No zone's offset from UTC has reached 16 hours: a search for a local midnight stays within this of UTC's. */
const MAX_UTC_OFFSET_MS = 16 * 3_600_000;

/** Day starts already found, per zone and date: every profile read and write asks for one. */
const dayStarts = new Map<string, number>();
const MAX_CACHED_DAY_STARTS = 10_000;

/**
 * The first instant after `after` whose local date in `timezone` is `date` or later: local midnight,
 * or, on a day whose midnight the clocks skip (Santiago's spring-forward), the instant they jump.
 * `date` must be after the local date of `after`. Relies on local dates never going backwards, which
 * holds for every clock change of the tz database since 1970 (falling back at midnight repeats the
 * last hour of the previous day, it never re-enters it); so the answer depends on `after` only through
 * that precondition, and is cached.
 */
export function startOfLocalDate(date: LocalDate, timezone: string, after: Date): Date {
  const cacheKey = `${timezone} ${date}`;
  const cached = dayStarts.get(cacheKey);
  if (cached !== undefined && cached > after.getTime()) return new Date(cached);
  const start = searchStartOfLocalDate(date, timezone, after.getTime());
  if (dayStarts.size >= MAX_CACHED_DAY_STARTS) dayStarts.clear();
  dayStarts.set(cacheKey, start);
  return new Date(start);
}

function searchStartOfLocalDate(date: LocalDate, timezone: string, after: number): number {
  const isStarted = (instant: number): boolean => localDateOf(new Date(instant), timezone) >= date;
  const midnightUtc = toEpochDay(date) * MS_PER_DAY;
  // Usually the offset in force now still holds at that midnight: one check instead of a search.
  const guess = midnightUtc - utcOffsetAt(after, timezone);
  if (guess > after && isStarted(guess) && !isStarted(guess - 1)) return guess;
  let before = Math.max(after, midnightUtc - MAX_UTC_OFFSET_MS);
  let started = midnightUtc + MAX_UTC_OFFSET_MS;
  while (started - before > 1) {
    const middle = Math.floor((before + started) / 2);
    if (isStarted(middle)) started = middle;
    else before = middle;
  }
  return started;
}

function toEpochDay(date: LocalDate): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** `date` moved by `days` calendar days (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date((toEpochDay(date) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

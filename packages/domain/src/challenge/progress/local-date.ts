/** A calendar date `YYYY-MM-DD` (in some timezone). Compares correctly as a string. */
export type LocalDate = string;

const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building a DateTimeFormat is costly (ICU zone data); one per zone is reused. */
function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** The calendar date of `instant` on a wall clock in `timezone` (an IANA name Intl accepts). */
export function localDateOf(instant: Date, timezone: string): LocalDate {
  const parts = formatterFor(timezone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
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

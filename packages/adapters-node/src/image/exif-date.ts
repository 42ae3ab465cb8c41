const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/u;
const OFFSET = /^([+-])(\d{2}):(\d{2})$/u;

/**
 * Reads an EXIF `DateTimeOriginal` ("YYYY:MM:DD HH:MM:SS", a local wall-clock time) as an instant.
 * With an `OffsetTimeOriginal` ("+02:00") the offset is applied; without one the wall-clock time is
 * taken as UTC, so the result never depends on the server's time zone. Null when unparseable.
 */
export function parseExifDateTime(dateTime: unknown, offset: unknown): Date | null {
  if (typeof dateTime !== 'string') return null;
  const match = EXIF_DATE.exec(dateTime);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number, number, number, number, number, number,
  ];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(utc);
  // Date.UTC rolls 2021:02:30 over to March; such a value is corrupt, not a date.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const offsetMatch = typeof offset === 'string' ? OFFSET.exec(offset.trim()) : null;
  if (!offsetMatch) return date;
  const sign = offsetMatch[1] === '-' ? -1 : 1;
  const minutes = Number(offsetMatch[2]) * 60 + Number(offsetMatch[3]);
  return new Date(utc - sign * minutes * 60_000);
}

import type { Entry, ProfileStatus } from '@hdoc/domain';
import { DateTime } from 'luxon';

/** The expected progress of a participant, computed the plain way with luxon dates. */
export interface ExpectedProgress {
  daysCompleted: number;
  githubEntryCount: number;
  twitterEntryCount: number;
  githubScore: number;
  twitterScore: number;
  githubStreak: number;
  twitterStreak: number;
  status: ProfileStatus;
  lastEntryAt: Date | null;
}

const day = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'UTC' });

/**
 * Streak as the rule reads: count consecutive dates with an entry backwards from the latest one, if that
 * latest one is today or yesterday in the current zone (or later than today, after a trip westwards).
 */
function referenceStreak(dates: Set<string>, today: DateTime): number {
  const future = [...dates].filter((d) => day(d) > today).sort();
  let cursor: DateTime;
  if (future.length > 0) cursor = day(future[future.length - 1] as string);
  else if (dates.has(today.toISODate() as string)) cursor = today;
  else if (dates.has(today.minus({ days: 1 }).toISODate() as string)) cursor = today.minus({ days: 1 });
  else return 0;
  let streak = 0;
  while (dates.has(cursor.toISODate() as string)) {
    streak += 1;
    cursor = cursor.minus({ days: 1 });
  }
  return streak;
}

/** Everything the rules of DESIGN.md and the challenge README say, restated without the domain's code. */
export function referenceProgress(
  entries: readonly Entry[],
  context: { timezone: string; createdAt: Date; completed: boolean },
  now: Date,
): ExpectedProgress {
  const today = day(DateTime.fromJSDate(now, { zone: context.timezone }).toISODate() as string);
  const of = (type: string) => entries.filter((e) => e.entryType === type);
  const score = (type: string) => of(type).filter((e) => e.verified).reduce((s, e) => s + e.confidence, 0);
  const streak = (type: string) => referenceStreak(new Set(of(type).map((e) => e.localDate)), today);
  const daysCompleted = new Set(entries.filter((e) => e.verified).map((e) => e.day)).size;
  const lastActive = entries.length > 0
    ? DateTime.max(...entries.map((e) => day(e.localDate))) as DateTime
    : day(DateTime.fromJSDate(context.createdAt, { zone: context.timezone }).toISODate() as string);
  let status: ProfileStatus = 'active';
  if (context.completed || daysCompleted >= 100) status = 'completed';
  else if (today.diff(lastActive, 'days').days > 7) status = 'inactive';
  const times = entries.map((e) => e.createdAt.getTime());
  return {
    daysCompleted,
    githubEntryCount: of('github').length,
    twitterEntryCount: of('twitter').length,
    githubScore: score('github'),
    twitterScore: score('twitter'),
    githubStreak: streak('github'),
    twitterStreak: streak('twitter'),
    status,
    lastEntryAt: times.length > 0 ? new Date(Math.max(...times)) : null,
  };
}

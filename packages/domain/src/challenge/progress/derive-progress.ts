import type { Entry, EntryType } from '../entry/entry.js';
import { CHALLENGE_DAYS } from '../entry/entry-fields.js';
import type { ProfileStatus } from '../profile/profile-status.js';
import { addDays, daysBetween, localDateOf, startOfLocalDate, type LocalDate } from './local-date.js';

/** A participant whose latest entry is more than this many local days old is `inactive`. */
export const INACTIVE_AFTER_DAYS = 7;

/**
 * What the entries alone determine, independent of the current time. Stored with the profile so that the
 * time-dependent part (streaks, status) can be projected to any later instant without reading entries.
 */
export interface EntryActivity {
  /** Distinct days (1..100) with at least one verified entry. */
  readonly daysCompleted: number;
  /** Entries submitted, verified or not. */
  readonly githubEntryCount: number;
  readonly twitterEntryCount: number;
  /** Sum of the confidence of verified entries. */
  readonly githubScore: number;
  readonly twitterScore: number;
  /** Latest local date with an entry of the type, and the length of the run of consecutive dates ending there. */
  readonly githubLastLocalDate: LocalDate | null;
  readonly githubRunLength: number;
  readonly twitterLastLocalDate: LocalDate | null;
  readonly twitterRunLength: number;
  /** The latest first submission instant of any entry. */
  readonly lastEntryAt: Date | null;
}

/** The part of the progress that changes with the passing of time alone. */
export interface ProgressAtInstant {
  readonly githubStreak: number;
  readonly twitterStreak: number;
  readonly status: ProfileStatus;
  /**
   * The earliest instant after the one this was computed for at which the three fields above change
   * with no write (a local midnight in the participant's timezone); null when time alone changes
   * nothing any more (no streak left to lapse, and inactive or completed).
   */
  readonly nextTransitionAt: Date | null;
}

/** Every derived field stored with a profile. */
export type ProfileProgress = EntryActivity & ProgressAtInstant;

/** The profile facts the derivation needs besides the entries. */
export interface ProgressContext {
  /** The participant's current timezone: "today" is read on this wall clock. */
  readonly timezone: string;
  /** Registration: the reference date of the inactivity rule while there is no entry yet. */
  readonly createdAt: Date;
  /** True once the profile has been `completed`: that status is terminal. */
  readonly completed: boolean;
}

interface TypeActivity {
  readonly count: number;
  readonly score: number;
  readonly lastLocalDate: LocalDate | null;
  readonly runLength: number;
}

function activityOfType(entries: readonly Entry[], type: EntryType): TypeActivity {
  const ofType = entries.filter((entry) => entry.entryType === type);
  const dates = new Set(ofType.map((entry) => entry.localDate));
  const lastLocalDate = [...dates].reduce<LocalDate | null>((max, date) => (max === null || date > max ? date : max), null);
  let runLength = 0;
  for (let date = lastLocalDate; date !== null && dates.has(date); date = addDays(date, -1)) runLength += 1;
  const score = ofType.reduce((sum, entry) => sum + (entry.verified ? entry.confidence : 0), 0);
  return { count: ofType.length, score, lastLocalDate, runLength };
}

/** The time-independent summary of a participant's entries. */
export function summarizeEntries(entries: readonly Entry[]): EntryActivity {
  const github = activityOfType(entries, 'github');
  const twitter = activityOfType(entries, 'twitter');
  const verifiedDays = new Set(entries.filter((entry) => entry.verified).map((entry) => entry.day));
  const lastEntryAt = entries.reduce<Date | null>(
    (max, entry) => (max === null || entry.createdAt.getTime() > max.getTime() ? entry.createdAt : max),
    null,
  );
  return {
    daysCompleted: verifiedDays.size,
    githubEntryCount: github.count,
    twitterEntryCount: twitter.count,
    githubScore: github.score,
    twitterScore: twitter.score,
    githubLastLocalDate: github.lastLocalDate,
    githubRunLength: github.runLength,
    twitterLastLocalDate: twitter.lastLocalDate,
    twitterRunLength: twitter.runLength,
    lastEntryAt,
  };
}

/** A streak on one local date, and the first later date on which it lapses (null: nothing to lapse). */
function streakOn(last: LocalDate | null, run: number, today: LocalDate): { streak: number; lapsesOn: LocalDate | null } {
  // Counted while `last` is today or yesterday, so it lapses on the second day after `last`.
  if (last === null || last < addDays(today, -1)) return { streak: 0, lapsesOn: null };
  return { streak: run, lapsesOn: addDays(last, 2) };
}

/** The status on one local date, and the first later date on which it changes (null: it never does). */
function statusOn(activity: EntryActivity, context: ProgressContext, today: LocalDate): { status: ProfileStatus; changesOn: LocalDate | null } {
  if (context.completed || activity.daysCompleted >= CHALLENGE_DAYS) return { status: 'completed', changesOn: null };
  const lastDates = [activity.githubLastLocalDate, activity.twitterLastLocalDate].filter((d): d is LocalDate => d !== null);
  const reference = lastDates.length > 0 ? lastDates.reduce((a, b) => (a > b ? a : b)) : localDateOf(context.createdAt, context.timezone);
  if (daysBetween(reference, today) > INACTIVE_AFTER_DAYS) return { status: 'inactive', changesOn: null };
  return { status: 'active', changesOn: addDays(reference, INACTIVE_AFTER_DAYS + 1) };
}

/**
 * Streaks and status at `now` from a stored summary, and when they next change. A run counts as a streak
 * while its last date is today or yesterday on the participant's current wall clock (or later: a trip
 * westwards can put the latest entry's date "tomorrow", which must not break the streak). Time only ever
 * ends a streak or makes an active participant inactive, so the next change is the earliest of those
 * dates, at the start of that local day.
 */
export function progressAt(activity: EntryActivity, context: ProgressContext, now: Date): ProgressAtInstant {
  const today = localDateOf(now, context.timezone);
  const github = streakOn(activity.githubLastLocalDate, activity.githubRunLength, today);
  const twitter = streakOn(activity.twitterLastLocalDate, activity.twitterRunLength, today);
  const { status, changesOn } = statusOn(activity, context, today);
  const changes = [github.lapsesOn, twitter.lapsesOn, changesOn].filter((d): d is LocalDate => d !== null);
  const nextChange = changes.length > 0 ? changes.reduce((a, b) => (a < b ? a : b)) : null;
  return {
    githubStreak: github.streak,
    twitterStreak: twitter.streak,
    status,
    nextTransitionAt: nextChange === null ? null : startOfLocalDate(nextChange, context.timezone, now),
  };
}

/**
 * THE derivation of every progress field of a profile from its entries, its timezone and the current
 * instant. Every write stores its result; reads project the stored summary with `progressAt`, which is
 * this same function minus re-reading the entries.
 */
export function deriveProgress(entries: readonly Entry[], context: ProgressContext, now: Date): ProfileProgress {
  const activity = summarizeEntries(entries);
  return { ...activity, ...progressAt(activity, context, now) };
}

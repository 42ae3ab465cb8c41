import {
  addDays,
  localDateOf,
  participantSubject,
  RegisterProfile,
  SubmitEntry,
  UpdateProfile,
  type Principal,
} from '@hdoc/domain';
import type { InProcessWorker } from '@hdoc/worker';
import type { Resolve } from '@hdoc/composition';
import type { DemoParticipant } from './demo-participants.js';
import type { SeedingClock } from './seeding-clock.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** What the challenge seeder needs from the composed app. */
export interface ChallengeSeeding {
  readonly resolve: Resolve;
  readonly clock: SeedingClock;
  readonly worker: InProcessWorker;
  /** The real "now" the demo history ends at. */
  readonly now: Date;
}

/**
 * An instant `days` calendar days before `now` on the wall clock of `timezone`. Stepping back 24 h a
 * day is right except across a DST change (23- or 25-hour days), where it is corrected hour by hour.
 */
export function instantDaysAgo(now: Date, timezone: string, days: number): Date {
  const target = addDays(localDateOf(now, timezone), -days);
  let instant = now.getTime() - days * DAY_MS;
  while (localDateOf(new Date(instant), timezone) > target) instant -= HOUR_MS;
  while (localDateOf(new Date(instant), timezone) < target) instant += HOUR_MS;
  return new Date(instant);
}

/**
 * The seeder acts as each participant through the use cases, with a principal naming them as a GitHub
 * sign-in would; it opens no session, so nothing it used can be replayed.
 */
function actingAs(githubUsername: string): Principal {
  return { subject: participantSubject(githubUsername), sessionId: 'demo-seeder' };
}

function githubEntryUrl(participant: DemoParticipant, day: number): string {
  return participant.rejectedDays?.includes(day)
    ? // Someone else's repository: the verifier rejects it, so the entry shows why it did not count.
      `https://github.com/aws-samples/aws-cdk-examples/pull/${1000 + day}`
    : `https://github.com/${participant.githubUsername}/100DaysOfCloud/tree/main/day-${day}`;
}

/**
 * Registers each participant and submits their entries on the past dates they were active (the clock
 * set to each date in turn), letting the in-process worker verify every entry before time moves on;
 * then hands the clock back to real time and has each participant touch their profile, which projects
 * streaks and status to today on the leaderboard too (a standing is written at its profile's last write).
 * Returns the number of entries submitted.
 */
export async function seedChallenge(participants: readonly DemoParticipant[], seeding: ChallengeSeeding): Promise<number> {
  const { resolve, clock, worker, now } = seeding;
  const register = resolve(RegisterProfile);
  const updateProfile = resolve(UpdateProfile);
  const submitEntry = resolve(SubmitEntry);
  let entries = 0;
  for (const participant of participants) {
    const actor = actingAs(participant.githubUsername);
    const dates = participant.activeDaysAgo.map((days) => instantDaysAgo(now, participant.timezone, days));
    clock.setTo(new Date((dates[0] ?? now).getTime() - 2 * HOUR_MS));
    await register.execute({
      githubUsername: participant.githubUsername,
      fullName: participant.fullName,
      bio: participant.bio,
      twitterUsername: participant.twitterUsername,
    });
    // The timezone comes first: each entry keeps the local date it was submitted on.
    await updateProfile.execute({ actor, patch: { timezone: participant.timezone } });
    for (const [index, date] of dates.entries()) {
      const day = index + 1;
      clock.setTo(date);
      await submitEntry.execute({ actor, day, entryType: 'github', url: githubEntryUrl(participant, day) });
      entries += 1;
      const tweetsEvery = participant.tweetsEvery;
      if (tweetsEvery !== undefined && participant.twitterUsername !== null && (day - 1) % tweetsEvery === 0) {
        const postId = `186${String(entries).padStart(16, '0')}`;
        await submitEntry.execute({ actor, day, entryType: 'twitter', url: `https://x.com/${participant.twitterUsername}/status/${postId}` });
        entries += 1;
      }
      // Verified on the day it was submitted, as the worker would have done.
      await worker.drained();
    }
  }
  clock.release();
  for (const participant of participants) {
    await updateProfile.execute({ actor: actingAs(participant.githubUsername), patch: {} });
  }
  return entries;
}

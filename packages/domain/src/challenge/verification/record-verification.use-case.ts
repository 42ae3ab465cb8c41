import type { Clock } from '../../shared/clock.port.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import type { Entry } from '../entry/entry.js';
import { parseDay, parseEntryType } from '../entry/entry-fields.js';
import type { Leaderboard } from '../leaderboard/leaderboard.port.js';
import { parseGithubUsername } from '../participant/github-username.js';
import type { ParticipantProgress, ParticipantProgressStore } from '../progress/participant-progress-store.port.js';
import { ProfileProgressWriter, type ProgressPlan } from '../progress/profile-progress-writer.js';

/** An entry counts (days completed, score) once its confidence reaches this. */
export const VERIFIED_MIN_CONFIDENCE = 50;

export interface RecordVerificationInput {
  githubUsername: string;
  day: number;
  entryType: string;
  /** The url that was verified; the result is ignored if the entry has another url by now. */
  url: string;
  /** Integer 0..100. */
  confidence: number;
  /** The verifier's explanation, stored with the entry (trimmed, cut to MAX_VERIFICATION_REASON_LENGTH). */
  reason: string;
}

export interface RecordVerificationOutput {
  /** False when the result was stale (entry gone or its url changed): nothing was written. */
  applied: boolean;
  entry: Entry | null;
}

function parseConfidence(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) {
    throw new ValidationError('confidence', 'must be an integer from 0 to 100');
  }
  return value;
}

/** Longest reason stored: a verifier's explanation is a short sentence, and storage stays bounded. */
export const MAX_VERIFICATION_REASON_LENGTH = 200;

function parseReason(value: unknown): string {
  if (typeof value !== 'string') throw new ValidationError('reason', 'must be a string');
  return [...value.trim()].slice(0, MAX_VERIFICATION_REASON_LENGTH).join('');
}

/**
 * Applies a verifier's answer to an entry (verified = confidence >= 50; the reason and the time it was
 * recorded are stored too) and recomputes the profile's derived fields and standing. Idempotent:
 * applying the same answer again changes nothing, `checkedAt` included.
 */
export class RecordVerification {
  private readonly writer: ProfileProgressWriter;

  constructor(store: ParticipantProgressStore, leaderboard: Leaderboard, clock: Clock) {
    this.writer = new ProfileProgressWriter(store, leaderboard, clock);
  }

  async execute(input: RecordVerificationInput): Promise<RecordVerificationOutput> {
    const key = {
      githubUsername: parseGithubUsername(input.githubUsername),
      day: parseDay(input.day),
      entryType: parseEntryType(input.entryType),
    };
    const answer = { url: input.url, confidence: parseConfidence(input.confidence), reason: parseReason(input.reason) };
    try {
      const { result } = await this.writer.write(key.githubUsername, (read, now) => planAnswer(read, now, key, answer));
      return result;
    } catch (error) {
      // A participant gone (renamed or released) since the job was queued: their entry is not under this name.
      if (error instanceof NotFoundError) return { applied: false, entry: null };
      throw error;
    }
  }
}

/**
 * The entry with the verifier's answer, unless the entry is gone or has another url by now. An answer
 * already recorded writes nothing, but the profile is still re-derived: a redelivered job repairs a
 * profile or board write that failed.
 */
function planAnswer(
  read: ParticipantProgress,
  now: Date,
  key: { day: number; entryType: Entry['entryType'] },
  answer: { url: string; confidence: number; reason: string },
): ProgressPlan<RecordVerificationOutput> {
  const existing = read.entries.find((entry) => entry.day === key.day && entry.entryType === key.entryType) ?? null;
  if (existing === null || existing.url !== answer.url) return { result: { applied: false, entry: existing } };
  const verified = answer.confidence >= VERIFIED_MIN_CONFIDENCE;
  const sameAnswer =
    existing.checkedAt !== null && existing.confidence === answer.confidence && existing.verified === verified && existing.verificationReason === answer.reason;
  if (sameAnswer) return { result: { applied: true, entry: existing } };
  const entry: Entry = {
    ...existing,
    verified,
    confidence: answer.confidence,
    verificationReason: answer.reason,
    checkedAt: now,
    requeueAt: null,
    updatedAt: now,
    revision: existing.revision + 1,
  };
  return { entry: { entry, expectedRevision: existing.revision }, result: { applied: true, entry } };
}

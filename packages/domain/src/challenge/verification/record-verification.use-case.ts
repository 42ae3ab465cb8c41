import type { Clock } from '../../shared/clock.port.js';
import { ValidationError } from '../../shared/errors.js';
import { withOptimisticRetry } from '../../shared/optimistic-retry.js';
import type { Entry } from '../entry/entry.js';
import { parseDay, parseEntryType } from '../entry/entry-fields.js';
import type { EntryRepository } from '../entry/entry-repository.port.js';
import type { Leaderboard } from '../leaderboard/leaderboard.port.js';
import { parseGithubUsername } from '../participant/github-username.js';
import { ProfileProgressWriter } from '../progress/profile-progress-writer.js';
import type { ProfileRepository } from '../profile/profile-repository.port.js';

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

  constructor(
    profiles: ProfileRepository,
    private readonly entries: EntryRepository,
    leaderboard: Leaderboard,
    private readonly clock: Clock,
  ) {
    this.writer = new ProfileProgressWriter(profiles, entries, leaderboard, clock);
  }

  async execute(input: RecordVerificationInput): Promise<RecordVerificationOutput> {
    const key = {
      githubUsername: parseGithubUsername(input.githubUsername),
      day: parseDay(input.day),
      entryType: parseEntryType(input.entryType),
    };
    const confidence = parseConfidence(input.confidence);
    const reason = parseReason(input.reason);
    const verified = confidence >= VERIFIED_MIN_CONFIDENCE;
    return withOptimisticRetry(`entry ${key.githubUsername} day ${key.day} ${key.entryType}`, async () => {
      const existing = await this.entries.get(key);
      if (existing === null || existing.url !== input.url) return { applied: false, entry: existing };
      let entry = existing;
      const sameAnswer =
        existing.checkedAt !== null && existing.confidence === confidence && existing.verified === verified && existing.verificationReason === reason;
      if (!sameAnswer) {
        const now = this.clock.now();
        entry = { ...existing, verified, confidence, verificationReason: reason, checkedAt: now, requeueAt: null, updatedAt: now, revision: existing.revision + 1 };
        await this.entries.put(entry, existing.revision);
      }
      // Also when the entry was already up to date: a redelivered job repairs a profile write that failed.
      await this.writer.write(key.githubUsername);
      return { applied: true, entry };
    });
  }
}

import type { LocalDate } from '../progress/local-date.js';

/** Where an entry was published. */
export type EntryType = 'github' | 'twitter';

export const ENTRY_TYPES: readonly EntryType[] = ['github', 'twitter'];

/** The identity of an entry: at most one per participant, day and type. */
export interface EntryKey {
  /** The participant, as the profile spells it; repositories match it case-insensitively. */
  readonly githubUsername: string;
  /** 1..100. */
  readonly day: number;
  readonly entryType: EntryType;
}

/** A participant's proof of work for one day, on GitHub or Twitter/X. */
export interface Entry extends EntryKey {
  readonly url: string;
  /** confidence >= 50 once verified; false until the verifier has answered for the current url. */
  readonly verified: boolean;
  /** 0..100, from the EntryVerifier; 0 until then. */
  readonly confidence: number;
  /** The verifier's explanation of its answer for the current url; null until it has answered. */
  readonly verificationReason: string | null;
  /** When the verifier's answer for the current url was recorded; null until then (see verificationStateOf). */
  readonly checkedAt: Date | null;
  /**
   * While the verifier has not answered for the current url: when the sweep queues the entry for
   * verification again (15 minutes after it was last queued, `requeueAtAfter`), so a lost queue
   * message never strands it. Null once answered.
   */
  readonly requeueAt: Date | null;
  /** The participant's calendar date at first submission, in the timezone the profile had then. Never rewritten. */
  readonly localDate: LocalDate;
  /** First submission; re-submitting another url keeps it. */
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Bumped by every write; EntryRepository.put is conditional on it (optimistic concurrency). */
  readonly revision: number;
}

import type { EntryType } from '../entry/entry.js';

/** A request to verify the entry (participant, day, type) as it was when submitted with `url`. */
export interface VerificationJob {
  readonly githubUsername: string;
  readonly day: number;
  readonly entryType: EntryType;
  /** The url submitted; a job whose url no longer matches the entry is stale and ignored. */
  readonly url: string;
}

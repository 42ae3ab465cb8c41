import type { Entry } from '../entry/entry.js';

/** Where an entry stands with the verifier. */
export const VERIFICATION_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** What a participant is shown about an entry's verification, so they see why it does not count. */
export interface VerificationState {
  /**
   * `pending` until the verifier has answered for the current url (a new url starts over), then
   * `verified` (confidence >= 50: the entry counts) or `rejected` (checked, confidence < 50).
   */
  readonly status: VerificationStatus;
  readonly confidence: number;
  /** The verifier's explanation; null while pending. */
  readonly reason: string | null;
  /** When the answer was recorded; null while pending. */
  readonly checkedAt: Date | null;
}

/** The verification state of an entry, from its stored fields. */
export function verificationStateOf(entry: Pick<Entry, 'verified' | 'confidence' | 'verificationReason' | 'checkedAt'>): VerificationState {
  if (entry.checkedAt === null) return { status: 'pending', confidence: entry.confidence, reason: null, checkedAt: null };
  return {
    status: entry.verified ? 'verified' : 'rejected',
    confidence: entry.confidence,
    reason: entry.verificationReason,
    checkedAt: entry.checkedAt,
  };
}

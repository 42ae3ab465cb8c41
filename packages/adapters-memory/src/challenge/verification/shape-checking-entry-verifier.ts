import { checkEntryUrlShape, type EntryVerification, type EntryVerificationRequest, type EntryVerifier } from '@hdoc/domain';

/** The confidence a well-shaped url gets: enough to count as verified, clearly short of a real check. */
export const SHAPE_MATCH_CONFIDENCE = 60;

/**
 * The EntryVerifier of the local run (`npm start`): applies only the pure shape rules shared by every
 * verifier (the url belongs to the participant) without calling GitHub or X, and answers 60 when the
 * shape matches, 0 otherwise.
 */
export class ShapeCheckingEntryVerifier implements EntryVerifier {
  async verify({ entry, profile }: EntryVerificationRequest): Promise<EntryVerification> {
    const shape = checkEntryUrlShape(entry, profile);
    return { confidence: shape.matches ? SHAPE_MATCH_CONFIDENCE : 0, reason: shape.reason };
  }
}

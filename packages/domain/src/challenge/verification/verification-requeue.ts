/** How long an entry may wait for the verifier before it is queued again. */
export const VERIFICATION_REQUEUE_AFTER_MS = 15 * 60_000;

/** When an entry queued at `queuedAt` and still unanswered by then is queued again. */
export function requeueAtAfter(queuedAt: Date): Date {
  return new Date(queuedAt.getTime() + VERIFICATION_REQUEUE_AFTER_MS);
}

import type { EntryVerification } from './entry-verifier.port.js';

/**
 * The points each check adds to a verifier's confidence, in the order the checks run. Every check
 * depends on the ones before it (a commit is looked up only in a repository that exists), so checks
 * stop at the first failure. Weights put the threshold (50) past every check but the last: an entry
 * counts only when all its checks pass.
 * - GitHub: `url` (github.com/<participant>/<repository>...) 10, `repository` exists and still belongs
 *   to the participant 30, `content` (the commit or file the url names exists) 60.
 * - Twitter/X: `url` ((twitter|x).com/<twitter_username>/status/<id>) 10, `post` exists and is public 10,
 *   `author` (the post's real author is the participant) 20, `hashtag` (#100DaysOfCloud) 60.
 */
export const VERIFICATION_CHECK_POINTS = {
  github: { url: 10, repository: 30, content: 60 },
  twitter: { url: 10, post: 10, author: 20, hashtag: 60 },
} as const;

/** The outcome of one check: whether it passed, its points, and a short reason. */
export interface VerificationCheckResult {
  readonly passed: boolean;
  readonly points: number;
  readonly reason: string;
}

/** One check's outcome. */
export function verificationCheck(passed: boolean, points: number, reason: string): VerificationCheckResult {
  return { passed, points, reason };
}

/**
 * The confidence of a run of checks: the sum of the points of those that passed before the first
 * failure (0..100); the reason is the failed check's, or every passed check's when none failed.
 */
export function scoreVerificationChecks(results: readonly VerificationCheckResult[]): EntryVerification {
  const failed = results.find((result) => !result.passed);
  const passed = failed === undefined ? results : results.slice(0, results.indexOf(failed));
  const confidence = Math.min(100, passed.reduce((sum, result) => sum + result.points, 0));
  return { confidence, reason: failed?.reason ?? passed.map((result) => result.reason).join('; ') };
}

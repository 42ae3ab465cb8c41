import { RateLimitedError } from '../../shared/errors.js';
import { token } from '../../shared/token.js';
import type { RateLimit, RateLimiter } from './rate-limiter.port.js';

/** Limits on actions that cost storage or work, each counted per actor in fixed windows. */
export interface ActionLimits {
  /** Sign-ups per client address (only requests that pass validation count). */
  readonly signUp: RateLimit;
  /** Upload intents (presigned uploads) per principal. */
  readonly uploadIntent: RateLimit;
  /** Entry submissions per principal. */
  readonly entrySubmission: RateLimit;
}

/** A limited action. */
export type LimitedAction = keyof ActionLimits;

/**
 * Defaults: 20 sign-ups per address an hour (a classroom behind one address still fits), and 300
 * upload intents and 300 entry submissions per principal an hour: far above what a person does, low
 * enough that a runaway script cannot fill storage or the verification queue.
 */
export const DEFAULT_ACTION_LIMITS: ActionLimits = {
  signUp: { limit: 20, windowSeconds: 3600 },
  uploadIntent: { limit: 300, windowSeconds: 3600 },
  entrySubmission: { limit: 300, windowSeconds: 3600 },
};

export const ActionLimitsToken = token<ActionLimits>('ActionLimits');

/** Counts limited actions per actor; a domain service the use cases of those actions share. */
export class ActionThrottle {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly limits: ActionLimits,
  ) {}

  /**
   * Counts one `action` by `actor` (a client address or a principal subject); `RateLimitedError`
   * with the wait once the actor is over the action's limit.
   */
  async attempt(action: LimitedAction, actor: string): Promise<void> {
    const decision = await this.limiter.consume(`action:${action}:${actor}`, this.limits[action]);
    if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
  }
}

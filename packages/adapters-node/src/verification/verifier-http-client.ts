import { VerifierRateLimitedError, type Clock } from '@hdoc/domain';
import { rateLimitWaitSeconds } from './rate-limit-wait.js';

/** How a verifier talks to one service. */
export interface VerifierHttpSettings {
  /** Per attempt; default 5 s. */
  readonly timeoutMs?: number;
  /** Attempts per request, the first included, for timeouts, network errors and 5xx; default 3. */
  readonly maxAttempts?: number;
  /** Full-jitter backoff: before retry n (from 1) wait a random time in [0, min(maxBackoffMs, baseBackoffMs * 2^(n-1))). Defaults 200 ms and 2 s. */
  readonly baseBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Where the jitter comes from; default Math.random. */
  readonly random?: () => number;
}

/** A service's answer: its status, and its JSON body for a 2xx (null otherwise). */
export interface VerifierHttpAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** A failure worth another attempt: the service is unwell or unreachable right now. */
class TransientFailure extends Error {}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * GET-with-JSON for the entry verifiers: a timeout per attempt, retries with jittered exponential backoff
 * for timeouts, network errors, 5xx and 2xx answers that are not JSON, and respect for rate limits. A
 * rate-limit answer is never retried here (the handler must not sleep): it throws
 * VerifierRateLimitedError, and the client refuses further requests to the service until the wait is
 * over, so one batch of jobs does not spend a request each to hear the same answer. Other 4xx are
 * answers (a missing repository), returned with their status. Request headers (a token) never reach an
 * error message.
 */
export class VerifierHttpClient {
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly random: () => number;
  private blockedUntilMs = 0;

  constructor(
    private readonly service: string,
    private readonly headers: Readonly<Record<string, string>>,
    private readonly clock: Clock,
    settings: VerifierHttpSettings = {},
  ) {
    this.timeoutMs = settings.timeoutMs ?? 5000;
    this.maxAttempts = Math.max(1, settings.maxAttempts ?? 3);
    this.baseBackoffMs = settings.baseBackoffMs ?? 200;
    this.maxBackoffMs = settings.maxBackoffMs ?? 2000;
    this.random = settings.random ?? Math.random;
  }

  async getJson(url: URL): Promise<VerifierHttpAnswer> {
    for (let attempt = 1; ; attempt += 1) {
      this.refuseWhileBlocked();
      try {
        return await this.attempt(url);
      } catch (error) {
        if (!(error instanceof TransientFailure) || attempt >= this.maxAttempts) {
          throw error instanceof TransientFailure ? new Error(error.message) : error;
        }
      }
      const ceiling = Math.min(this.maxBackoffMs, this.baseBackoffMs * 2 ** (attempt - 1));
      await sleep(Math.floor(this.random() * ceiling));
    }
  }

  private refuseWhileBlocked(): void {
    const remainingMs = this.blockedUntilMs - this.clock.now().getTime();
    if (remainingMs > 0) throw new VerifierRateLimitedError(this.service, Math.ceil(remainingMs / 1000));
  }

  private async attempt(url: URL): Promise<VerifierHttpAnswer> {
    let response: Response;
    try {
      response = await fetch(url, { headers: this.headers, signal: AbortSignal.timeout(this.timeoutMs), redirect: 'follow' });
    } catch (error) {
      const what = error instanceof Error && error.name === 'TimeoutError' ? `did not answer within ${this.timeoutMs} ms` : 'is unreachable';
      throw new TransientFailure(`${this.service} ${what}`);
    }
    const now = this.clock.now();
    const wait = rateLimitWaitSeconds(response.status, response.headers, now);
    if (wait !== null) {
      await response.body?.cancel();
      this.blockedUntilMs = now.getTime() + wait * 1000;
      throw new VerifierRateLimitedError(this.service, wait);
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      throw new TransientFailure(`${this.service} answered HTTP ${response.status}`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { status: response.status, body: null };
    }
    const text = await response.text().catch(() => {
      throw new TransientFailure(`${this.service} broke off its answer`);
    });
    try {
      return { status: response.status, body: JSON.parse(text) as unknown };
    } catch {
      // An HTML maintenance or proxy page in place of the API's JSON: the service misbehaving for a while.
      throw new TransientFailure(`${this.service} answered HTTP ${response.status} without JSON`);
    }
  }
}

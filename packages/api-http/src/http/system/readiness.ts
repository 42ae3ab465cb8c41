import type { ReadinessCheck } from '@hdoc/composition';

/** Outcome of one check as /readyz reports it. */
export interface CheckResult {
  readonly name: string;
  readonly status: 'ok' | 'failed';
  readonly duration_ms: number;
}

/** The outcome of every check plus the errors of the failed ones (for the logs, not for clients). */
export interface Readiness {
  readonly ready: boolean;
  readonly checks: readonly CheckResult[];
  readonly failures: readonly { readonly name: string; readonly error: unknown }[];
}

/**
 * Runs every check at once, each bounded by `timeoutMs` so a hanging dependency makes the probe
 * fail instead of hang.
 */
export async function runReadinessChecks(checks: readonly ReadinessCheck[], timeoutMs: number): Promise<Readiness> {
  const outcomes = await Promise.all(
    checks.map(async ({ name, check }) => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`${name} check timed out after ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([check(), timeout]);
        return { name, error: undefined, ok: true, duration: performance.now() - started };
      } catch (error) {
        return { name, error, ok: false, duration: performance.now() - started };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return {
    ready: outcomes.every((outcome) => outcome.ok),
    checks: outcomes.map(({ name, ok, duration }) => ({
      name,
      status: ok ? 'ok' : 'failed',
      duration_ms: Math.round(duration),
    })),
    failures: outcomes.filter((outcome) => !outcome.ok).map(({ name, error }) => ({ name, error })),
  };
}

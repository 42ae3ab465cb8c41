import type { Clock } from '@hdoc/domain';

/** The clock a subject's adapter reads, moved by the suite (a ManualClock fits). */
export interface AdjustableClock extends Clock {
  advance(ms: number): void;
}

/** What every subject factory may return besides the port: its teardown. */
export interface Disposable {
  readonly cleanup?: () => Promise<void>;
}

/** Runs `body` on a fresh subject and always disposes of it. */
export async function withSubject<S extends Disposable>(
  makeSubject: () => Promise<S>,
  body: (subject: S) => Promise<void>,
): Promise<void> {
  const subject = await makeSubject();
  try {
    await body(subject);
  } finally {
    await subject.cleanup?.();
  }
}

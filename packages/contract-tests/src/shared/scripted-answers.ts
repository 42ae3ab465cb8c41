import type { ServerResponse } from 'node:http';

/** An answer a fake server plays instead of its normal one: a status with headers and body, or `hang` (never answer). */
export type ScriptedAnswer = { readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly body?: string } | 'hang';

/**
 * Answers a test lines up for a fake server, played one per request, in order, before the fake's own
 * behaviour resumes: an outage that heals, a rate limit, a timeout.
 */
export class ScriptedAnswers {
  private readonly queue: ScriptedAnswer[] = [];

  /** Lines up answers for the next requests. */
  push(...answers: ScriptedAnswer[]): void {
    this.queue.push(...answers);
  }

  /** Answers not played yet. */
  get remaining(): number {
    return this.queue.length;
  }

  /** Plays the next answer on `res`; false when none is lined up (the fake answers normally). */
  play(res: ServerResponse): boolean {
    const answer = this.queue.shift();
    if (answer === undefined) return false;
    if (answer !== 'hang') {
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers }).end(answer.body ?? '{"message":"scripted"}');
    }
    return true;
  }
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcurrencyLimit, threadpoolSize } from '../../src/password/concurrency-limit.js';

describe('ConcurrencyLimit', () => {
  it('never runs more than `limit` tasks at once, starts them in arrival order, and frees slots on failure', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.array(fc.boolean(), { maxLength: 20 }), fc.scheduler(), async (limit, failures, s) => {
        const slots = new ConcurrencyLimit(limit);
        let running = 0;
        let peak = 0;
        const started: number[] = [];
        const outcomes = failures.map((fails, i) =>
          slots.run(async () => {
            started.push(i);
            running += 1;
            peak = Math.max(peak, running);
            await s.schedule(Promise.resolve(), `task ${i}`);
            running -= 1;
            if (fails) throw new Error(`task ${i} failed`);
            return i;
          }),
        );
        const settled = await s.waitFor(Promise.allSettled(outcomes));
        expect(peak).toBeLessThanOrEqual(limit);
        expect(started).toEqual(failures.map((_, i) => i));
        settled.forEach((r, i) => expect(r.status).toBe(failures[i] ? 'rejected' : 'fulfilled'));
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a limit below 1, and reads the threadpool size from UV_THREADPOOL_SIZE (default 4)', () => {
    expect(() => new ConcurrencyLimit(0)).toThrow();
    const saved = process.env.UV_THREADPOOL_SIZE;
    try {
      delete process.env.UV_THREADPOOL_SIZE;
      expect(threadpoolSize()).toBe(4);
      process.env.UV_THREADPOOL_SIZE = '8';
      expect(threadpoolSize()).toBe(8);
    } finally {
      if (saved === undefined) delete process.env.UV_THREADPOOL_SIZE;
      else process.env.UV_THREADPOOL_SIZE = saved;
    }
  });
});

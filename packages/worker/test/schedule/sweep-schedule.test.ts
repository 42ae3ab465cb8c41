import { Closers } from '@hdoc/composition';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSweepSchedule } from '../../src/schedule/sweep-schedule.js';

const logger = pino({ level: 'silent' });
const NOTHING = { profilesTransitioned: 0, entriesRequeued: 0 };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startSweepSchedule', () => {
  it('runs the sweep once per interval, the next interval counted from the end of the previous run', async () => {
    const starts: number[] = [];
    const sweep = {
      execute: vi.fn(async () => {
        starts.push(Date.now());
        await new Promise((resolve) => setTimeout(resolve, 400));
        return NOTHING;
      }),
    };
    const closers = new Closers(logger);
    const started = Date.now();
    startSweepSchedule({ sweep, logger, closers, intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(999);
    expect(sweep.execute).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1 + 400 + 1000 + 400 + 1000);
    expect(starts.map((at) => at - started)).toEqual([1000, 2400, 3800]);
    const closing = closers.closeAll();
    await vi.advanceTimersByTimeAsync(400);
    await closing;
  });

  it('keeps going after a failed run, and stops at shutdown after the run in progress', async () => {
    let calls = 0;
    let finished = 0;
    const sweep = {
      execute: vi.fn(async () => {
        calls += 1;
        if (calls === 1) throw new Error('table throttled');
        await new Promise((resolve) => setTimeout(resolve, 100));
        finished += 1;
        return NOTHING;
      }),
    };
    const closers = new Closers(logger);
    startSweepSchedule({ sweep, logger, closers, intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(2050);
    expect(calls).toBe(2);
    const closing = closers.closeAll();
    await vi.advanceTimersByTimeAsync(100);
    await closing;
    expect(finished).toBe(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toBe(2);
  });

  it('runs at once on request, never two runs at the same time', async () => {
    let active = 0;
    let most = 0;
    const sweep = {
      execute: vi.fn(async () => {
        active += 1;
        most = Math.max(most, active);
        await new Promise((resolve) => setTimeout(resolve, 50));
        active -= 1;
        return NOTHING;
      }),
    };
    const closers = new Closers(logger);
    const schedule = startSweepSchedule({ sweep, logger, closers, intervalMs: 1000 });
    const both = Promise.all([schedule.runNow(), schedule.runNow()]);
    await vi.advanceTimersByTimeAsync(100);
    await both;
    expect(sweep.execute).toHaveBeenCalledTimes(2);
    expect(most).toBe(1);
    await closers.closeAll();
  });
});

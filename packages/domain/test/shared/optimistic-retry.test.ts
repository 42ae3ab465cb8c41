import { describe, expect, it } from 'vitest';
import { ConcurrentUpdateError, MAX_WRITE_ATTEMPTS, StaleWriteError, withOptimisticRetry } from '../../src/index.js';

describe('withOptimisticRetry', () => {
  it('runs again after each lost race and returns the first success', async () => {
    let calls = 0;
    const result = await withOptimisticRetry('photo', async () => {
      calls += 1;
      if (calls < 3) throw new StaleWriteError('photo p1');
      return Promise.resolve('saved');
    });
    expect(result).toBe('saved');
    expect(calls).toBe(3);
  });

  it(`gives up after ${MAX_WRITE_ATTEMPTS} lost races with a ConcurrentUpdateError naming the record`, async () => {
    let calls = 0;
    const outcome = withOptimisticRetry('profile ada', () => {
      calls += 1;
      return Promise.reject(new StaleWriteError('profile ada'));
    });
    await expect(outcome).rejects.toThrow(ConcurrentUpdateError);
    await expect(outcome).rejects.not.toThrow(StaleWriteError);
    await expect(outcome).rejects.toThrow('profile ada is being changed concurrently, try again');
    expect(calls).toBe(MAX_WRITE_ATTEMPTS);
  });

  it('lets any other failure through at once', async () => {
    let calls = 0;
    const failure = new Error('disk on fire');
    await expect(
      withOptimisticRetry('photo', () => {
        calls += 1;
        return Promise.reject(failure);
      }),
    ).rejects.toBe(failure);
    expect(calls).toBe(1);
  });
});

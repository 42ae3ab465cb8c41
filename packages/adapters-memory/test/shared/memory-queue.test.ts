import { describe, expect, it } from 'vitest';
import { MemoryQueue } from '../../src/index.js';

describe('MemoryQueue', () => {
  it('delivers in order and resolves drained() when everything is processed', async () => {
    const queue = new MemoryQueue<number>();
    const seen: number[] = [];
    queue.send(1);
    queue.send(2);
    queue.subscribe(async (n) => {
      seen.push(n);
    });
    queue.send(3);
    await queue.drained();
    expect(seen).toEqual([1, 2, 3]);
    expect(queue.peek()).toEqual([]);
  });

  it('redelivers a message whose handler throws, then dead-letters it after maxAttempts', async () => {
    const queue = new MemoryQueue<string>(3);
    const attempts: string[] = [];
    queue.subscribe(async (message) => {
      attempts.push(message);
      if (message === 'poison') throw new Error('cannot process');
      if (attempts.filter((m) => m === 'flaky').length < 2) throw new Error('transient');
    });
    queue.send('flaky');
    queue.send('poison');
    queue.send('fine');
    await queue.drained();
    expect(attempts).toEqual(['flaky', 'flaky', 'poison', 'poison', 'poison', 'fine']);
    expect(queue.deadLetters.map((d) => [d.message, d.attempts])).toEqual([['poison', 3]]);
  });

  it('keeps messages while nobody subscribes', async () => {
    const queue = new MemoryQueue<number>();
    queue.send(7);
    await queue.drained();
    expect(queue.peek()).toEqual([7]);
  });
});
